package io.quarkiverse.etlify.runtime.throttle;

import static io.quarkiverse.etlify.runtime.config.ConfigChecks.notNegative;
import static io.quarkiverse.etlify.runtime.config.ConfigChecks.positive;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmRequestGuards;
import io.quarkiverse.etlify.adapter.GuardedPerRequest;
import io.quarkiverse.etlify.runtime.config.EtlifyRuntimeConfig;
import io.quarkiverse.etlify.runtime.config.EtlifyRuntimeConfig.CrmRuntimeConfig;
import io.quarkiverse.etlify.runtime.metrics.EtlifyMetrics;
import io.quarkiverse.etlify.runtime.state.CrmHoldStore;
import io.quarkiverse.etlify.runtime.state.RateLimitPermitStore;
import io.smallrye.faulttolerance.api.Guard;

/**
 * One {@link CrmCallGuard} per CRM, built from its configuration: rate limit (or, when none is set, the
 * one its adapter documents: {@link DefaultRequestLimits}), retries, circuit breaker. Adapters reach it
 * through its API, {@link CrmRequestGuards}.
 */
@ApplicationScoped
public class CrmGuards implements CrmRequestGuards {

    private static final Logger LOG = Logger.getLogger(CrmGuards.class);

    private final EtlifyRuntimeConfig config;
    private final RateLimitPermitStore permitStore;
    private final CrmHoldStore holdStore;
    private final Map<String, CrmCallGuard> guards = new ConcurrentHashMap<>();
    // writes the ends of requests no further request of the instance carried to the database in time
    private final ScheduledExecutorService permitFlusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "etlify-permit-ends");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    EtlifyMetrics metrics;

    @Inject
    @Any
    Instance<DefaultRequestLimits> defaultLimits;

    @Inject
    public CrmGuards(EtlifyRuntimeConfig config, RateLimitPermitStore permitStore, CrmHoldStore holdStore) {
        this.config = config;
        this.permitStore = permitStore;
        this.holdStore = holdStore;
    }

    /** The guard every call to that CRM goes through. */
    public CrmCallGuard forCrm(String crmName) {
        // the circuit breaker is named so that SmallRye's CircuitBreakerMaintenance can read and reset it
        return guards.computeIfAbsent(crmName, name -> build(name, "etlify-crm-" + name));
    }

    @Override
    public <T> T call(String crmName, Supplier<T> request) {
        return forCrm(crmName).call(request);
    }

    /** Until when a CRM is paused because its daily request limit was reached, if it is. */
    public Optional<Instant> pausedUntil(String crmName) {
        return forCrm(crmName).pausedUntil();
    }

    /**
     * A further guard for a CRM, independent of the one its adapter uses (own waiting queue, own
     * circuit breaker) but sharing its database-backed limit and holds, exactly as the guard of
     * another instance of the application would. Meant for tools and tests.
     */
    public CrmCallGuard independentGuard(String crmName) {
        return build(crmName, null);
    }

    /**
     * The adapter as the engine should use it: each call goes through the CRM's guard, unless the
     * adapter runs each of its requests through it itself ({@link GuardedPerRequest}).
     */
    public CrmAdapter protect(String crmName, CrmAdapter adapter) {
        return adapter instanceof GuardedPerRequest ? adapter : new GuardedCrmAdapter(adapter, forCrm(crmName));
    }

    /** Adds a line per invalid retry, circuit-breaker or rate-limit setting of a CRM, naming the property. */
    public static void check(String crmName, CrmRuntimeConfig crm, List<String> problems) {
        String prefix = "quarkus.etlify.crm." + crmName + ".";
        EtlifyRuntimeConfig.Retry retry = crm.retry();
        if (retry.maxRetries() < 0) {
            problems.add(prefix + "retry.max-retries must be zero or positive, got " + retry.maxRetries());
        }
        notNegative(prefix + "retry.delay", retry.delay(), problems);
        notNegative(prefix + "retry.max-delay", retry.maxDelay(), problems);
        notNegative(prefix + "retry.jitter", retry.jitter(), problems);
        if (retry.maxDuration().compareTo(retry.delay()) <= 0) {
            problems.add(prefix + "retry.max-duration must be longer than retry.delay (" + retry.delay() + "), got "
                    + retry.maxDuration());
        }
        EtlifyRuntimeConfig.CircuitBreaker breaker = crm.circuitBreaker();
        positive(prefix + "circuit-breaker.request-volume-threshold", breaker.requestVolumeThreshold(), problems);
        if (!(breaker.failureRatio() >= 0 && breaker.failureRatio() <= 1)) {
            problems.add(prefix + "circuit-breaker.failure-ratio must be between 0 and 1, got " + breaker.failureRatio());
        }
        notNegative(prefix + "circuit-breaker.delay", breaker.delay(), problems);
        positive(prefix + "circuit-breaker.success-threshold", breaker.successThreshold(), problems);
        crm.rateLimit().maxRequests().ifPresent(max -> positive(prefix + "rate-limit.max-requests", max, problems));
        positive(prefix + "rate-limit.period", crm.rateLimit().period(), problems);
        notNegative(prefix + "rate-limit.max-wait", crm.rateLimit().maxWait(), problems);
        positive(prefix + "unauthorized-pause", crm.unauthorizedPause(), problems);
    }

    private CrmCallGuard build(String crmName, String circuitBreakerName) {
        CrmRuntimeConfig crm = config.crm().get(crmName);
        EtlifyRuntimeConfig.RateLimit rateLimit = crm.rateLimit();
        PermitLog permits = null;
        Optional<DefaultRequestLimits.Limit> limit = rateLimit.maxRequests().isPresent()
                ? Optional.of(new DefaultRequestLimits.Limit(rateLimit.maxRequests().getAsInt(), rateLimit.period()))
                : defaultLimit(crmName);
        if (limit.isPresent()) {
            Duration window = limit.get().period();
            int max = limit.get().maxRequests();
            permits = rateLimit.shared() ? new DatabasePermitLog(permitStore, crmName, max, window, permitFlusher)
                    : new LocalPermitLog(max, window);
        }
        CircuitWatch circuit = new CircuitWatch(crm.circuitBreaker().delay());
        return new CrmCallGuard(crmName, new RequestThrottle(crmName, permits, metrics),
                breaker(crmName, crm.circuitBreaker(), circuitBreakerName, circuit), retry(crmName, crm.retry()),
                circuit, new DatabaseCrmHolds(holdStore, crmName), rateLimit.maxWait(), crm.unauthorizedPause());
    }

    /** The limit an adapter documents for the CRM, when its configuration sets none. */
    private Optional<DefaultRequestLimits.Limit> defaultLimit(String crmName) {
        if (defaultLimits == null) {
            return Optional.empty();
        }
        for (DefaultRequestLimits limits : defaultLimits) {
            Optional<DefaultRequestLimits.Limit> limit = limits.forCrm(crmName);
            if (limit.isPresent()) {
                return limit;
            }
        }
        return Optional.empty();
    }

    private static Guard retry(String crmName, EtlifyRuntimeConfig.Retry retry) {
        if (retry.maxRetries() == 0) {
            return null;
        }
        return Guard.create().withDescription("Etlify CRM " + crmName + " retries")
                .withRetry()
                .maxRetries(retry.maxRetries())
                .delay(retry.delay().toMillis(), ChronoUnit.MILLIS)
                .jitter(retry.jitter().toMillis(), ChronoUnit.MILLIS)
                .maxDuration(retry.maxDuration().toMillis(), ChronoUnit.MILLIS)
                .whenException(CrmCallGuard::isTransientFailure)
                .beforeRetry(failure -> LOG.debugf("Retrying a call to CRM %s after: %s", crmName, failure))
                .withExponentialBackoff().factor(2).maxDelay(retry.maxDelay().toMillis(), ChronoUnit.MILLIS).done()
                .done()
                .build();
    }

    /**
     * A guard of its own, around the retries: it counts calls that still fail once retried, so a CRM
     * failing a share of requests that retries absorb never opens it.
     */
    private static Guard breaker(String crmName, EtlifyRuntimeConfig.CircuitBreaker breaker, String name,
            CircuitWatch circuit) {
        if (!breaker.enabled()) {
            return null;
        }
        Guard.Builder.CircuitBreakerBuilder builder = Guard.create().withDescription("Etlify CRM " + crmName)
                .withCircuitBreaker()
                .requestVolumeThreshold(breaker.requestVolumeThreshold())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(breaker.successThreshold())
                .when(CrmCallGuard::isCrmFailure)
                .onStateChange(state -> {
                    circuit.changed(state);
                    LOG.infof("Circuit breaker of CRM %s is now %s", crmName, state);
                });
        if (name != null) {
            builder.name(name);
        }
        return builder.done().build();
    }

    @PreDestroy
    void stop() {
        permitFlusher.shutdownNow();
    }
}
