package io.quarkiverse.etlify.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkiverse.etlify.CrmOperations;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.RecordSyncState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Edits users and investments as an application would, a few times a second, and follows each change until the
 * CRM has it. Nothing here calls Etlify to sync: {@code @Etlified(syncOnChange = true)} on {@link User} records a
 * sync request in each writing transaction, for the user itself and for a user whose investments changed.
 */
@ApplicationScoped
public class Activity {

    private static final Logger LOG = Logger.getLogger(Activity.class);
    /** Visits the users in an order that comes back to one only after all others (coprime with any seed size). */
    private static final long STRIDE = 7_919;
    private static final int MEDIAN_SAMPLE = 500;

    @Inject
    Etlify etlify;

    private final List<Change> pending = new ArrayList<>();
    /** How long the latest changes took to reach the CRM, the median's sample. */
    private final Deque<Duration> latencies = new ArrayDeque<>();
    private long reached;
    private ScheduledExecutorService executor;
    private LiveLine line;
    private int users;
    private long changes;
    private String latest = "none yet";

    /** A change (made at the start of its transaction), until the CRM took the user. */
    private record Change(long userId, Instant madeAt) {
    }

    /** Starts editing one record per interval, showing the figures on the line. */
    synchronized void start(int users, Duration interval, LiveLine line) {
        this.users = users;
        this.line = line;
        executor = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "demo-activity"));
        executor.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops before Quarkus closes the database, so that Ctrl-C never cuts a transaction short. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
        }
        if (running != null) {
            running.shutdown();
            running.awaitTermination(30, TimeUnit.SECONDS);
            line.finish(figures());
        }
    }

    private void tick() {
        try {
            followPending();
            line.update(figures()); // before the next change, which has had no time to reach the CRM yet
            change();
        } catch (RuntimeException e) {
            LOG.warn("The activity generator failed to edit a record", e);
        }
    }

    private void change() {
        long n = changes++;
        long userId = 1 + n * STRIDE % users;
        Instant before = Instant.now(); // the sync this change causes starts after it, not necessarily after commit returns
        String what = QuarkusTransaction.requiringNew().call(() -> edit(User.findById(userId), n));
        synchronized (this) {
            pending.add(new Change(userId, before));
            latest = what;
        }
    }

    /** Renames the user, adds an investment or raises one; says what the CRM should now show. */
    private static String edit(User user, long n) {
        switch ((int) (n % 3)) {
            case 0 -> {
                user.lastName = DemoSeed.otherLastName(user.lastName);
                return user.email + " lastname=" + user.lastName;
            }
            case 1 -> {
                Investment investment = new Investment();
                investment.user = user;
                investment.amount = new BigDecimal("1000.00");
                investment.persist();
                user.investments.add(investment);
            }
            default -> {
                Investment investment = user.investments.get(0);
                investment.amount = investment.amount.add(new BigDecimal("100.00"));
            }
        }
        return user.email + " total_invested=" + UserSerializer.totalInvested(user).toPlainString();
    }

    /** Drops the changes the CRM took, keeping how long each took to get there. */
    private void followPending() {
        CrmOperations crm = etlify.crm("hubspot");
        List<Change> waiting;
        synchronized (this) {
            waiting = List.copyOf(pending);
        }
        for (Change change : waiting) {
            Instant synced = crm.syncState(User.class, change.userId()).map(RecordSyncState::lastSyncedAt).orElse(null);
            if (synced != null && !synced.isBefore(change.madeAt())) {
                synchronized (this) {
                    pending.remove(change);
                    reached++;
                    latencies.addLast(Duration.between(change.madeAt(), synced));
                    if (latencies.size() > MEDIAN_SAMPLE) {
                        latencies.removeFirst();
                    }
                }
            }
        }
    }

    private synchronized String figures() {
        return String.format("   changes %d · in the CRM %d · waiting %d · median %s · latest: %s", changes,
                reached, pending.size(), median(), latest);
    }

    private String median() {
        if (latencies.isEmpty()) {
            return "-";
        }
        List<Duration> sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        return String.format("%.2f s", sorted.get(sorted.size() / 2).toMillis() / 1000.0);
    }
}
