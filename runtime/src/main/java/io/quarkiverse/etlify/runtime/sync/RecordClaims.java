package io.quarkiverse.etlify.runtime.sync;

import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.etlify.runtime.crm.CrmRuntime;
import io.quarkiverse.etlify.runtime.state.ClaimStore;
import io.quarkiverse.etlify.runtime.state.SyncKey;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Waits for a record's claim: the inline paths (sync now, delete) take it before reading the record,
 * so at most one CRM call per (record, CRM) is in flight whichever instance or path makes it.
 */
@ApplicationScoped
class RecordClaims {

    private static final long FIRST_WAIT_MS = 10;
    private static final long LONGEST_WAIT_MS = 250;

    @Inject
    ClaimStore store;

    /**
     * Claims the record for {@code owner}, waiting while another holder has it (at most its lease, after
     * which a dead holder's claim expires), then runs {@code work} in the claiming transaction.
     */
    public <T> T whenClaimed(CrmRuntime crm, SyncKey key, String owner, Supplier<T> work) {
        return untilClaimed(crm, key, () -> claim(crm, key, owner) ? new Claimed<>(work.get()) : null);
    }

    /** Within a transaction: claims the record for {@code owner} unless another holder has it; whether it did. */
    public boolean claim(CrmRuntime crm, SyncKey key, String owner) {
        return !store.claim(key.crmName(), key.resourceType(), List.of(key.resourceId()), owner, crm.claimLease())
                .isEmpty();
    }

    /**
     * Runs {@code attempt}, each time in a transaction of its own, until it claims the record (waiting as
     * {@link #whenClaimed} does): it returns {@code null} when another holder has it, else what it did.
     */
    public <T> T untilClaimed(CrmRuntime crm, SyncKey key, Supplier<Claimed<T>> attempt) {
        long deadline = System.nanoTime() + crm.claimLease().toNanos() + 1_000_000_000L;
        long wait = FIRST_WAIT_MS;
        while (true) {
            Claimed<T> claimed = QuarkusTransaction.requiringNew().call(attempt::get);
            if (claimed != null) {
                return claimed.value();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(key.resourceType() + " " + key.resourceId() + " stayed claimed by"
                        + " another sync of CRM " + key.crmName() + " for longer than its lease");
            }
            sleep(wait);
            wait = Math.min(wait * 2, LONGEST_WAIT_MS);
        }
    }

    /** Gives the record's claim back, in the current transaction. */
    public void release(SyncKey key, String owner) {
        store.release(key.crmName(), key.resourceType(), List.of(key.resourceId()), owner);
    }

    /** What was done once the record was claimed. */
    record Claimed<T>(T value) {
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a record's claim", e);
        }
    }
}
