package io.quarkiverse.etlify.runtime.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Holds on CRMs ({@code etlify_crm_holds}), so that every instance honours them and a restart does
 * not forget them: a CRM paused until its daily limit resets, or unauthorized since its credentials
 * were refused. Each method runs in its own short transaction.
 */
@ApplicationScoped
public class CrmHoldStore {

    /**
     * A hold on a CRM.
     *
     * @param reason why, e.g. {@code PAUSED} or {@code UNAUTHORIZED}
     * @param since when the CRM was first held for this reason
     * @param until when a request may be sent again
     * @param message what the CRM answered, without secrets
     */
    public record Hold(String reason, Instant since, Instant until, String message) {
    }

    /** The CRM's hold, expired or not, if any. */
    public Optional<Hold> find(String crmName) {
        return QuarkusTransaction.requiringNew().call(() -> Jdbc.work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT hold_reason, held_since, held_until,"
                    + " message FROM etlify_crm_holds WHERE crm_name = ?")) {
                select.setString(1, crmName);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(new Hold(rs.getString(1), instant(rs, 2), instant(rs, 3),
                            rs.getString(4))) : Optional.empty();
                }
            }
        }));
    }

    /**
     * Holds the CRM until {@code until}, or longer if it is already held for the same reason; the time
     * it was first held for that reason is kept.
     */
    public void hold(String crmName, String reason, Instant until, String message) {
        try {
            write(crmName, reason, until, message);
        } catch (RuntimeException e) {
            if (!LeaseStore.isDuplicateKey(e)) {
                throw e;
            }
            write(crmName, reason, until, message); // another instance inserted it at the same moment
        }
    }

    /** Lifts the CRM's hold if it is for {@code reason} ({@code null}: whatever the reason). */
    public void release(String crmName, String reason) {
        QuarkusTransaction.requiringNew().run(() -> Jdbc.work(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM etlify_crm_holds WHERE crm_name = ?"
                    + (reason == null ? "" : " AND hold_reason = ?"))) {
                delete.setString(1, crmName);
                if (reason != null) {
                    delete.setString(2, reason);
                }
                return delete.executeUpdate();
            }
        }));
    }

    private void write(String crmName, String reason, Instant until, String message) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime end = until.atOffset(ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(() -> Jdbc.work(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE etlify_crm_holds SET"
                    + " held_since = CASE WHEN hold_reason = ? THEN held_since ELSE ? END,"
                    + " held_until = CASE WHEN hold_reason = ? AND held_until > ? THEN held_until ELSE ? END,"
                    + " hold_reason = ?, message = ? WHERE crm_name = ?")) {
                update.setString(1, reason);
                update.setObject(2, now, Types.TIMESTAMP_WITH_TIMEZONE);
                update.setString(3, reason);
                update.setObject(4, end, Types.TIMESTAMP_WITH_TIMEZONE);
                update.setObject(5, end, Types.TIMESTAMP_WITH_TIMEZONE);
                update.setString(6, reason);
                update.setString(7, message);
                update.setString(8, crmName);
                if (update.executeUpdate() == 1) {
                    return 1;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO etlify_crm_holds"
                    + " (crm_name, hold_reason, held_since, held_until, message) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, crmName);
                insert.setString(2, reason);
                insert.setObject(3, now, Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setObject(4, end, Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setString(5, message);
                return insert.executeUpdate();
            }
        }));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
