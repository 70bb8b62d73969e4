package io.quarkiverse.etlify.runtime.queue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

/** Wakes this instance's idle workers of a CRM when a request was committed here (others poll). */
@ApplicationScoped
public class QueueSignal {

    private final Map<String, Semaphore> signals = new ConcurrentHashMap<>();

    /** Wakes one idle worker of the CRM. */
    public void wake(String crm) {
        Semaphore signal = semaphore(crm);
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Waits until woken or until {@code timeout} elapses. */
    void await(String crm, Duration timeout) throws InterruptedException {
        Semaphore signal = semaphore(crm);
        if (signal.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            signal.drainPermits();
        }
    }

    private Semaphore semaphore(String crm) {
        return signals.computeIfAbsent(crm, name -> new Semaphore(0));
    }
}
