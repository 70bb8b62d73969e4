package io.quarkiverse.etlify.runtime.queue;

import java.time.OffsetDateTime;

/**
 * A sync request a worker claimed.
 *
 * @param id its sync row's id
 * @param resourceType mapped entity name
 * @param resourceId canonical id
 * @param requestedAt when it was (last) requested: a newer request made during the sync is kept
 * @param errorCount consecutive failures so far
 * @param delete whether the request is the delete of the record's CRM record ({@code onDelete = DELETE})
 */
record ClaimedRequest(long id, String resourceType, String resourceId, OffsetDateTime requestedAt, int errorCount,
        boolean delete) {
}
