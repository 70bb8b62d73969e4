package io.quarkiverse.etlify.runtime.mapping;

import java.time.Instant;

/**
 * How fresh a record's payload is: the newest update time of the record and of every record reached
 * through its dependencies ({@code null} times count as the epoch), and how many records its
 * dependency paths reach — a removed child does not move the newest time, but it changes the count.
 * Defined once, in SQL: the stale finder's statements compute it, and syncs read it through them.
 *
 * @param watermark newest update time
 * @param dependencyCount number of non-null values at the end of every dependency path
 */
public record Freshness(Instant watermark, long dependencyCount) {
}
