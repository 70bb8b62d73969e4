package io.quarkiverse.etlify.airtable.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Programmatic fault injection, usable from tests while the sandbox serves requests (thread-safe). Latency,
 * dropped connections and forced statuses happen before authentication and rate limiting and change no state;
 * failures "after applying" come once the request changed the sandbox's state.
 */
public final class FaultInjector {

    /** The message of record failures injected without an explicit one. */
    public static final String DEFAULT_RECORD_FAILURE = "Field cannot accept the provided value (failure injected by"
            + " the sandbox)";

    private final ArrayDeque<Integer> failures = new ArrayDeque<>();
    private final ArrayDeque<Integer> failuresAfterApplying = new ArrayDeque<>();
    private final ArrayDeque<Duration> nextLatencies = new ArrayDeque<>();
    private Duration latency = Duration.ZERO;
    private int drops;
    private boolean credentialsRefused;
    private boolean reverseRecordOrder;
    private BiPredicate<String, Map<String, String>> recordFailure;
    private String recordFailureMessage = DEFAULT_RECORD_FAILURE;

    FaultInjector() {
    }

    /** Answers the next {@code count} requests with {@code status} (400-599), e.g. a 502/503 burst or a 413. */
    public synchronized FaultInjector failNext(int count, int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("Status must be an error status (400-599): " + status);
        }
        for (int i = 0; i < count; i++) {
            failures.addLast(status);
        }
        return this;
    }

    /**
     * Applies the next {@code count} requests, then answers them with {@code status} (500-599) instead of their
     * result: a gateway failing after Airtable wrote, so the client cannot tell whether its write happened.
     */
    public synchronized FaultInjector failAfterApplyingNext(int count, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("Status must be a server error status (500-599): " + status);
        }
        for (int i = 0; i < count; i++) {
            failuresAfterApplying.addLast(status);
        }
        return this;
    }

    /** Closes the connection of the next {@code count} requests without answering (the client sees an I/O error). */
    public synchronized FaultInjector dropNext(int count) {
        drops += count;
        return this;
    }

    /** Delays every answer by {@code delay} (until cleared). */
    public synchronized FaultInjector latency(Duration delay) {
        latency = Objects.requireNonNull(delay, "delay");
        return this;
    }

    /** Delays only the next {@code count} answers by {@code delay}. */
    public synchronized FaultInjector latencyNext(int count, Duration delay) {
        Objects.requireNonNull(delay, "delay");
        for (int i = 0; i < count; i++) {
            nextLatencies.addLast(delay);
        }
        return this;
    }

    /** Refuses every token with a 401 while {@code refused} (a revoked personal access token). */
    public synchronized FaultInjector refuseCredentials(boolean refused) {
        credentialsRefused = refused;
        return this;
    }

    /**
     * Answers the records of creates and updates in reverse order while {@code reversed}. Airtable answers in
     * the order sent; this checks that a client maps answers back by id or merge value, not by position alone.
     */
    public synchronized FaultInjector reverseRecordOrder(boolean reversed) {
        reverseRecordOrder = reversed;
        return this;
    }

    /**
     * Makes a request fail as a whole with a 422 {@code INVALID_VALUE_FOR_COLUMN} when one of its records
     * matches, as Airtable refuses a request holding one invalid record.
     *
     * @param predicate tested with the table's name and the record's cells by field name, as text
     */
    public FaultInjector failRecordsWhere(BiPredicate<String, Map<String, String>> predicate) {
        return failRecordsWhere(predicate, DEFAULT_RECORD_FAILURE);
    }

    /** Like {@link #failRecordsWhere(BiPredicate)}, with the error message to answer. */
    public synchronized FaultInjector failRecordsWhere(BiPredicate<String, Map<String, String>> predicate,
            String message) {
        recordFailure = Objects.requireNonNull(predicate, "predicate");
        recordFailureMessage = Objects.requireNonNull(message, "message");
        return this;
    }

    /** Removes every fault. */
    public synchronized FaultInjector clear() {
        failures.clear();
        failuresAfterApplying.clear();
        nextLatencies.clear();
        latency = Duration.ZERO;
        drops = 0;
        credentialsRefused = false;
        reverseRecordOrder = false;
        recordFailure = null;
        recordFailureMessage = DEFAULT_RECORD_FAILURE;
        return this;
    }

    synchronized Duration takeLatency() {
        Duration next = nextLatencies.pollFirst();
        return next != null ? next : latency;
    }

    synchronized boolean takeDrop() {
        if (drops > 0) {
            drops--;
            return true;
        }
        return false;
    }

    synchronized Optional<Integer> takeFailure() {
        return Optional.ofNullable(failures.pollFirst());
    }

    synchronized Optional<Integer> takeFailureAfterApplying() {
        return Optional.ofNullable(failuresAfterApplying.pollFirst());
    }

    synchronized boolean credentialsRefused() {
        return credentialsRefused;
    }

    synchronized boolean reversesRecordOrder() {
        return reverseRecordOrder;
    }

    /** The injected failure message for this record, empty when it should be accepted. */
    Optional<String> recordFailure(String table, Map<String, String> cells) {
        BiPredicate<String, Map<String, String>> predicate;
        String message;
        synchronized (this) {
            predicate = recordFailure;
            message = recordFailureMessage;
        }
        return predicate != null && predicate.test(table, cells) ? Optional.of(message) : Optional.empty();
    }
}
