package io.quarkiverse.etlify.hubspot.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiPredicate;

/**
 * Programmatic fault injection, usable from tests while the sandbox serves requests (thread-safe).
 * Faults apply in this order: latency, dropped connection, forced error status; forced errors and drops happen
 * before authentication and rate limiting (as a failing gateway would) and change no state. Failures and delays
 * "after applying" come once the request changed the sandbox's state.
 */
public final class FaultInjector {

    /** The message of per-input failures injected without an explicit one. */
    public static final String DEFAULT_INPUT_FAILURE = "Property values were not valid (failure injected by the sandbox)";

    private final ArrayDeque<Integer> failures = new ArrayDeque<>();
    private int drops;
    private Duration latency = Duration.ZERO;
    private final ArrayDeque<Duration> nextLatencies = new ArrayDeque<>();
    private BiPredicate<String, Map<String, String>> inputFailure;
    private String inputFailureMessage = DEFAULT_INPUT_FAILURE;
    private double failureRatio;
    private int[] ratioStatuses = {};
    private final ArrayDeque<Integer> failuresAfterApplying = new ArrayDeque<>();
    private boolean credentialsRefused;
    private final ArrayDeque<Duration> answerDelays = new ArrayDeque<>();

    FaultInjector() {
    }

    /**
     * Answers the next {@code count} requests with {@code status} (e.g. a 502/503 burst); calls queue up.
     *
     * @param count how many requests fail
     * @param status an HTTP status from 400 to 599
     */
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
     * Answers a random share of requests with one of {@code statuses} (e.g. 30 % with 500 or 503, as a
     * degraded CRM does), until {@link #clear()} or a ratio of 0. Like {@link #failNext}, before any state change.
     */
    public synchronized FaultInjector failRandomly(double ratio, int... statuses) {
        if (!(ratio >= 0 && ratio <= 1) || (ratio > 0 && statuses.length == 0)) {
            throw new IllegalArgumentException("A ratio between 0 and 1 and at least one status are needed");
        }
        for (int status : statuses) {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("Status must be an error status (400-599): " + status);
            }
        }
        failureRatio = ratio;
        ratioStatuses = statuses.clone();
        return this;
    }

    /**
     * Applies the next {@code count} requests, then answers them with {@code status} instead of their
     * result: the ambiguous failure of a gateway timing out after the CRM wrote (a client cannot tell
     * whether its write happened).
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

    /**
     * Delays the answers of the next {@code count} requests applied, after applying them: their write is
     * done, its answer late (so a later request can be applied first and answered first, or the other way
     * round with {@link #latencyNext}).
     */
    public synchronized FaultInjector delayAnswerNext(int count, Duration delay) {
        Objects.requireNonNull(delay, "delay");
        for (int i = 0; i < count; i++) {
            answerDelays.addLast(delay);
        }
        return this;
    }

    /** Refuses every token with a 401 while {@code refused} (a rotated or revoked private-app token). */
    public synchronized FaultInjector refuseCredentials(boolean refused) {
        credentialsRefused = refused;
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

    /**
     * Closes the connection of the next {@code count} requests without answering, so the client sees an I/O error.
     * Note that {@code java.net.http.HttpClient} silently retries idempotent requests (GET) once when a reused
     * connection closes, which consumes a second drop.
     */
    public synchronized FaultInjector dropNext(int count) {
        drops += count;
        return this;
    }

    /**
     * Makes matching inputs fail: as per-input {@code VALIDATION_ERROR} entries of a 207 batch answer, or as a 400
     * on single-object create/update calls. Other inputs of the batch succeed.
     *
     * @param predicate tested with the normalized object type and the input's properties
     */
    public FaultInjector failInputsWhere(BiPredicate<String, Map<String, String>> predicate) {
        return failInputsWhere(predicate, DEFAULT_INPUT_FAILURE);
    }

    /** Like {@link #failInputsWhere(BiPredicate)}, with the error message to answer. */
    public synchronized FaultInjector failInputsWhere(BiPredicate<String, Map<String, String>> predicate,
            String message) {
        inputFailure = Objects.requireNonNull(predicate, "predicate");
        inputFailureMessage = Objects.requireNonNull(message, "message");
        return this;
    }

    /** Removes every fault. */
    public synchronized FaultInjector clear() {
        failures.clear();
        drops = 0;
        latency = Duration.ZERO;
        nextLatencies.clear();
        inputFailure = null;
        inputFailureMessage = DEFAULT_INPUT_FAILURE;
        failureRatio = 0;
        ratioStatuses = new int[0];
        failuresAfterApplying.clear();
        credentialsRefused = false;
        answerDelays.clear();
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
        Integer next = failures.pollFirst();
        if (next == null && failureRatio > 0 && ThreadLocalRandom.current().nextDouble() < failureRatio) {
            next = ratioStatuses[ThreadLocalRandom.current().nextInt(ratioStatuses.length)];
        }
        return Optional.ofNullable(next);
    }

    synchronized Optional<Integer> takeFailureAfterApplying() {
        return Optional.ofNullable(failuresAfterApplying.pollFirst());
    }

    synchronized Duration takeAnswerDelay() {
        Duration next = answerDelays.pollFirst();
        return next != null ? next : Duration.ZERO;
    }

    synchronized boolean credentialsRefused() {
        return credentialsRefused;
    }

    /** The injected failure message for this input, empty when it should succeed. */
    Optional<String> inputFailure(String objectType, Map<String, String> properties) {
        BiPredicate<String, Map<String, String>> predicate;
        String message;
        synchronized (this) {
            predicate = inputFailure;
            message = inputFailureMessage;
        }
        // Evaluated outside the lock: the predicate is user code.
        return predicate != null && predicate.test(objectType, Map.copyOf(properties)) ? Optional.of(message)
                : Optional.empty();
    }
}
