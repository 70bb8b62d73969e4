package io.quarkiverse.etlify;

/**
 * Decides whether a record is synced at all (the gem's {@code sync_if}). A CDI bean referenced by
 * {@link Etlified#syncIf()}; a rejected record yields {@link SyncResult#SKIPPED}.
 *
 * @param <T> the entity type
 */
@FunctionalInterface
public interface SyncGuard<T> {

    /** {@code true} to sync this record, {@code false} to skip it. */
    boolean shouldSync(T entity);
}
