package io.quarkiverse.etlify.runtime.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Batch runs and their progress ({@code etlify_batch_runs}), shared by every instance. Times come from the
 * database clock, so that instances with drifting clocks agree on which runs were abandoned.
 */
@ApplicationScoped
public class BatchRunStore {

    private static final String COLUMNS = "id, trigger_kind, crms, models, run_inline, run_force, instance, found,"
            + " processed, synced, not_modified, skipped, failed, deferred, started_at, heartbeat_at, finished_at, error";

    /** Records a run that starts now and forgets the runs that finished longer than {@code retention} ago. */
    public void start(String id, String trigger, String crms, String models, boolean inline, boolean force,
            String instance, Duration retention) {
        QuarkusTransaction.requiringNew().run(() -> Jdbc.work(connection -> {
            SqlDialect dialect = Jdbc.dialect(connection);
            try (PreparedStatement prune = connection.prepareStatement("DELETE FROM etlify_batch_runs"
                    + " WHERE finished_at IS NOT NULL AND finished_at < " + dialect.nowPlusMillis())) {
                prune.setLong(1, -retention.toMillis());
                prune.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO etlify_batch_runs (id, trigger_kind,"
                    + " crms, models, run_inline, run_force, instance, started_at, heartbeat_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
                insert.setString(1, id);
                insert.setString(2, trigger);
                insert.setString(3, crms);
                insert.setString(4, models);
                insert.setBoolean(5, inline);
                insert.setBoolean(6, force);
                insert.setString(7, instance);
                return insert.executeUpdate();
            }
        }));
    }

    /** Stores the run's counts and moves its heartbeat; {@code finished} also ends it, with its error if any. */
    public void progress(String id, Counts counts, boolean finished, String error) {
        QuarkusTransaction.requiringNew().run(() -> Jdbc.work(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE etlify_batch_runs SET found = ?,"
                    + " processed = ?, synced = ?, not_modified = ?, skipped = ?, failed = ?, deferred = ?,"
                    + " heartbeat_at = CURRENT_TIMESTAMP"
                    + (finished ? ", finished_at = CURRENT_TIMESTAMP, error = ?" : "") + " WHERE id = ?")) {
                int i = 1;
                update.setLong(i++, counts.found());
                update.setLong(i++, counts.processed());
                update.setLong(i++, counts.synced());
                update.setLong(i++, counts.notModified());
                update.setLong(i++, counts.skipped());
                update.setLong(i++, counts.failed());
                update.setLong(i++, counts.deferred());
                if (finished) {
                    update.setString(i++, error);
                }
                update.setString(i, id);
                return update.executeUpdate();
            }
        }));
    }

    /** The run of that id, if it is kept. */
    public Optional<Run> find(String id, Duration abandonedAfter) {
        List<Run> runs = select(" WHERE id = ?", abandonedAfter, id, 1, 0);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    /** The most recently started runs, newest first. */
    public List<Run> recent(Duration abandonedAfter, int limit, int offset) {
        return select("", abandonedAfter, null, limit, offset);
    }

    private List<Run> select(String where, Duration abandonedAfter, String id, int limit, int offset) {
        return QuarkusTransaction.requiringNew().call(() -> Jdbc.work(connection -> {
            SqlDialect dialect = Jdbc.dialect(connection);
            String sql = "SELECT " + COLUMNS + ", CASE WHEN finished_at IS NULL AND heartbeat_at < "
                    + dialect.nowPlusMillis() + " THEN 1 ELSE 0 END AS abandoned FROM etlify_batch_runs" + where
                    + " ORDER BY started_at DESC, id OFFSET ? ROWS" + dialect.limitParameter();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int i = 1;
                select.setLong(i++, -abandonedAfter.toMillis());
                if (id != null) {
                    select.setString(i++, id);
                }
                select.setInt(i++, offset);
                select.setInt(i, limit);
                List<Run> runs = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        runs.add(read(rs));
                    }
                }
                return runs;
            }
        }));
    }

    private static Run read(ResultSet rs) throws SQLException {
        Counts counts = new Counts(rs.getLong("found"), rs.getLong("processed"), rs.getLong("synced"),
                rs.getLong("not_modified"), rs.getLong("skipped"), rs.getLong("failed"), rs.getLong("deferred"));
        return new Run(rs.getString("id"), rs.getString("trigger_kind"), rs.getString("crms"), rs.getString("models"),
                rs.getBoolean("run_inline"), rs.getBoolean("run_force"), rs.getString("instance"), counts,
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("heartbeat_at")),
                instant(rs.getTimestamp("finished_at")), rs.getString("error"), rs.getInt("abandoned") == 1);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A run's counts; {@code processed} is what an async run queued. */
    public record Counts(long found, long processed, long synced, long notModified, long skipped, long failed,
            long deferred) {
    }

    /** A stored run; {@code abandoned} when unfinished and its heartbeat is older than the bound asked for. */
    public record Run(String id, String trigger, String crms, String models, boolean inline, boolean force,
            String instance, Counts counts, Instant startedAt, Instant heartbeatAt, Instant finishedAt, String error,
            boolean abandoned) {
    }
}
