package io.quarkiverse.etlify.runtime.state;

import java.util.List;
import java.util.Map;

/**
 * Etlify's SQL migrations, shipped in the runtime jar under {@code db/etlify/<vendor>/}. Listed
 * here rather than scanned so that they load the same way in JVM and native mode.
 */
public final class EtlifyMigrations {

    /** Flyway history table of Etlify, separate from the application's. */
    public static final String HISTORY_TABLE = "etlify_schema_history";

    /** Migration scripts in order, identical names for every vendor. */
    public static final List<String> SCRIPTS = List.of("V1__create_etlify_tables.sql",
            "V2__create_rate_limit_tables.sql", "V3__batch_and_queue.sql", "V4__drop_redundant_indexes.sql",
            "V5__numeric_resource_key.sql", "V6__sync_rows_rewritten_in_place.sql",
            "V7__queue_lanes.sql", "V8__crm_holds_claims_unconfirmed_creates.sql", "V9__unique_crm_record.sql",
            "V10__batch_runs.sql", "V11__sync_on_change.sql", "V12__rate_limit_permits_in_lock_row.sql");

    /** Tables and columns the engine needs, checked when migrations are not applied at start. */
    public static final Map<String, List<String>> REQUIRED_COLUMNS = Map.of(
            "crm_synchronisations", List.of("id", "crm_name", "resource_type", "resource_id", "crm_id", "last_digest",
                    "last_synced_at", "source_watermark", "last_error", "error_count", "created_at", "updated_at",
                    "source_dependency_count", "sync_requested_at", "claimed_by", "claimed_until", "next_attempt_at",
                    "resource_number", "sync_lane", "create_unconfirmed_at", "delete_requested_at"),
            "etlify_pending_syncs", List.of("id", "dependent_type", "dependent_id", "dependency_type", "dependency_id",
                    "crm_name", "created_at", "updated_at"),
            "etlify_leases", List.of("name", "owner", "expires_at"),
            "etlify_claims", List.of("crm_name", "resource_type", "resource_id", "owner", "claimed_until"),
            "etlify_crm_holds", List.of("crm_name", "hold_reason", "held_since", "held_until", "message"),
            "etlify_rate_limits", List.of("crm_name", "created_at", "next_permit", "permit_ids", "permits_counted_from"),
            "etlify_batch_runs", List.of("id", "trigger_kind", "crms", "models", "run_inline", "run_force", "instance",
                    "found", "processed", "synced", "not_modified", "skipped", "failed", "deferred", "started_at",
                    "heartbeat_at", "finished_at", "error"),
            "etlify_sync_inbox", List.of("id", "crm_name", "resource_type", "resource_id", "delete_record"));

    /** Database kinds with a migration folder. */
    public static final List<String> SUPPORTED_DB_KINDS = List.of("postgresql", "h2");

    private EtlifyMigrations() {
    }

    /** Classpath folder of a vendor's scripts. */
    public static String folder(String dbKind) {
        return "db/etlify/" + dbKind;
    }

    /** Classpath paths of a vendor's scripts, in order. */
    public static List<String> paths(String dbKind) {
        return SCRIPTS.stream().map(script -> folder(dbKind) + "/" + script).toList();
    }
}
