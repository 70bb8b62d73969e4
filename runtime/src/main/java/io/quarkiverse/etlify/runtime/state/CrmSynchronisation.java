package io.quarkiverse.etlify.runtime.state;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import io.quarkiverse.etlify.RecordSyncState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Sync state of one record with one CRM: its CRM id, the digest of the last payload sent, and
 * error bookkeeping. Unique per (crm_name, resource_type, resource_id).
 */
@Entity
@Table(name = "crm_synchronisations")
public class CrmSynchronisation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "crm_name", nullable = false, length = 64)
    public String crmName;

    /** Entity name of the mapped class. */
    @Column(name = "resource_type", nullable = false)
    public String resourceType;

    /** Canonical rendering of the record's id. */
    @Column(name = "resource_id", nullable = false)
    public String resourceId;

    @Column(name = "crm_id")
    public String crmId;

    @Column(name = "last_digest", length = 64)
    public String lastDigest;

    @Column(name = "last_synced_at")
    public OffsetDateTime lastSyncedAt;

    /** Newest update time of the record and its dependencies when the last payload was built. */
    @Column(name = "source_watermark")
    public OffsetDateTime sourceWatermark;

    /** Rows reached through to-many dependencies when the last payload was built. */
    @Column(name = "source_dependency_count")
    public Long sourceDependencyCount;

    /** When an async sync was requested and not yet performed; {@code null} when none is pending. */
    @Column(name = "sync_requested_at")
    public OffsetDateTime syncRequestedAt;

    /** The worker holding the pending request, until {@link #claimedUntil}. */
    @Column(name = "claimed_by", length = 128)
    public String claimedBy;

    @Column(name = "claimed_until")
    public OffsetDateTime claimedUntil;

    /** A failing request is retried no earlier than this. */
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_error", columnDefinition = "text")
    public String lastError;

    @Column(name = "error_count", nullable = false)
    public int errorCount;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The sync state of one record, or {@code null}. */
    public static CrmSynchronisation findByResource(String crmName, String resourceType, String resourceId) {
        return find("crmName = ?1 and resourceType = ?2 and resourceId = ?3", crmName, resourceType, resourceId)
                .firstResult();
    }

    /** The row as the API shows it. */
    public RecordSyncState toSyncState() {
        return new RecordSyncState(crmId, lastDigest != null, lastSyncedAt == null ? null : lastSyncedAt.toInstant(),
                errorCount, lastError);
    }

    /** Resets the error count of one record in a CRM; returns how many rows changed (0 or 1). */
    public static long resetErrorCounts(String crmName, String resourceType, String resourceId) {
        return update("errorCount = 0, lastError = null, updatedAt = ?1 where crmName = ?2 and resourceType = ?3"
                + " and resourceId = ?4 and errorCount > 0", OffsetDateTime.now(), crmName, resourceType, resourceId);
    }

    /** Resets the error count of every record of a CRM; returns how many rows changed. */
    public static long resetErrorCounts(String crmName) {
        return update("errorCount = 0, lastError = null, updatedAt = ?1 where crmName = ?2 and errorCount > 0",
                OffsetDateTime.now(), crmName);
    }

    /** Resets the error count of every record of one model (entity name) in a CRM; returns how many rows changed. */
    public static long resetErrorCounts(String crmName, String resourceType) {
        return update("errorCount = 0, lastError = null, updatedAt = ?1 where crmName = ?2 and resourceType = ?3"
                + " and errorCount > 0", OffsetDateTime.now(), crmName, resourceType);
    }
}
