package io.quarkiverse.etlify.runtime.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.runtime.state.RateLimitPermitStore;

/** When the ends of requests reach the database: with the next permit request, or by a flush just in time. */
class DatabasePermitLogTest {

    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor();
    private final RecordingStore store = new RecordingStore();

    @AfterEach
    void stop() {
        flusher.shutdownNow();
    }

    @Test
    void theEndOfARequestTravelsWithTheNextPermitRequest() {
        DatabasePermitLog log = new DatabasePermitLog(store, "crm", 10, Duration.ofMinutes(1), flusher);
        PermitLog.Grant first = log.tryAcquire();
        log.done(first.permit());
        log.tryAcquire();

        assertThat(store.acquiredWith()).hasSize(2);
        assertThat(store.acquiredWith().get(0)).isEmpty();
        assertThat(store.acquiredWith().get(1)).singleElement().satisfies(end -> assertThat(end.permitId()).isEqualTo(1));
        assertThat(store.recorded()).as("no statement of its own").isEmpty();
    }

    @Test
    void anEndNoRequestCarriesIsWrittenBeforeItsPermitWouldLeaveTheWindowCountedFromItsGrant() {
        Duration window = Duration.ofSeconds(2);
        DatabasePermitLog log = new DatabasePermitLog(store, "crm", 10, window, flusher);
        long granted = System.nanoTime();
        log.done(log.tryAcquire().permit());

        await().atMost(Duration.ofSeconds(5)).until(() -> !store.recorded().isEmpty());
        long flushedAfter = store.recordedAt() - granted;
        assertThat(store.recorded()).singleElement().satisfies(end -> assertThat(end.permitId()).isEqualTo(1));
        // flushed a quarter of the window (at most 1 s) before the grant is a window old: not sooner, no later
        assertThat(flushedAfter).isBetween(Duration.ofMillis(1400).toNanos(), window.toNanos());
        log.tryAcquire();
        assertThat(store.acquiredWith().get(1)).as("written once").isEmpty();
    }

    @Test
    void aRequestThatTookNearlyAWindowWritesItsEndAtOnce() throws Exception {
        DatabasePermitLog log = new DatabasePermitLog(store, "crm", 10, Duration.ofMillis(200), flusher);
        PermitLog.Grant grant = log.tryAcquire();
        TimeUnit.MILLISECONDS.sleep(180); // a slow request

        log.done(grant.permit());

        assertThat(store.recorded()).singleElement().satisfies(end -> assertThat(end.permitId()).isEqualTo(1));
    }

    @Test
    void endsAreKeptWhenThePermitRequestCarryingThemFails() {
        DatabasePermitLog log = new DatabasePermitLog(store, "crm", 10, Duration.ofMinutes(1), flusher);
        log.done(log.tryAcquire().permit());
        store.failNext = true;

        try {
            log.tryAcquire();
        } catch (IllegalStateException expected) {
            // the database was unreachable
        }
        log.tryAcquire();

        assertThat(store.acquiredWith().get(2)).extracting(RateLimitPermitStore.Ended::permitId).containsExactly(1L);
    }

    /** Grants every permit, numbered from 1, and records what it was told. */
    static final class RecordingStore extends RateLimitPermitStore {

        private final List<List<Ended>> acquiredWith = new ArrayList<>();
        private final List<Ended> recorded = new ArrayList<>();
        private volatile long recordedAt;
        private long next = 1;
        boolean failNext;

        @Override
        public synchronized Acquired tryAcquire(String crmName, int maxRequests, Duration window, List<Ended> ended) {
            acquiredWith.add(List.copyOf(ended));
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("database unreachable");
            }
            return new Acquired(next++, Duration.ZERO, 1);
        }

        @Override
        public synchronized void recordEnds(String crmName, Duration window, List<Ended> ended) {
            recorded.addAll(ended);
            recordedAt = System.nanoTime();
        }

        synchronized List<List<Ended>> acquiredWith() {
            return List.copyOf(acquiredWith);
        }

        synchronized List<Ended> recorded() {
            return List.copyOf(recorded);
        }

        long recordedAt() {
            return recordedAt;
        }
    }
}
