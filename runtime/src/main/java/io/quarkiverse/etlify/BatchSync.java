package io.quarkiverse.etlify;

import java.util.List;
import java.util.OptionalInt;

/**
 * Options of {@link Etlify#batchSync(BatchSync)}, the gem's {@code StaleRecords::BatchSync.call}:
 * <pre>
 * etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class).inline().batchSize(1_000));
 * </pre>
 * By default every enabled CRM and every mapped model, asynchronously (stale records are queued and
 * the durable queue's workers, on every instance, sync them).
 */
public final class BatchSync {

    private List<String> crms = List.of();
    private List<Class<?>> models = List.of();
    private boolean inline;
    private boolean force;
    private OptionalInt batchSize = OptionalInt.empty();

    private BatchSync() {
    }

    /** Default options: all CRMs, all models, async. */
    public static BatchSync options() {
        return new BatchSync();
    }

    /** Restricts the sync to these CRMs. */
    public BatchSync crm(String... names) {
        this.crms = List.of(names);
        return this;
    }

    /** Restricts the sync to these mapped entity classes. */
    public BatchSync models(Class<?>... types) {
        this.models = List.of(types);
        return this;
    }

    /** Syncs in the calling thread and returns once done (errors are counted, not thrown). */
    public BatchSync inline() {
        this.inline = true;
        return this;
    }

    /** Queues stale records for the workers (the default). */
    public BatchSync async() {
        this.inline = false;
        return this;
    }

    /** Ignores stored digests: every stale record is sent to the CRM. */
    public BatchSync force() {
        this.force = true;
        return this;
    }

    /** Number of ids read per page (default {@code quarkus.etlify.batch-sync.batch-size}). */
    public BatchSync batchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batchSize must be positive, got " + size);
        }
        this.batchSize = OptionalInt.of(size);
        return this;
    }

    public List<String> crms() {
        return crms;
    }

    public List<Class<?>> models() {
        return models;
    }

    public boolean isInline() {
        return inline;
    }

    public boolean isForce() {
        return force;
    }

    public OptionalInt batchSize() {
        return batchSize;
    }
}
