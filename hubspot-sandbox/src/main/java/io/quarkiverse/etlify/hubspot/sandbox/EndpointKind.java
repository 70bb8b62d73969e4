package io.quarkiverse.etlify.hubspot.sandbox;

/**
 * The kind of CRM v3 object endpoint a request addressed; used to count and filter requests.
 */
public enum EndpointKind {
    /** {@code POST /crm/v3/objects/{objectType}} */
    CREATE,
    /** {@code GET /crm/v3/objects/{objectType}/{objectId}} */
    READ,
    /** {@code PATCH /crm/v3/objects/{objectType}/{objectId}} */
    UPDATE,
    /** {@code DELETE /crm/v3/objects/{objectType}/{objectId}} */
    ARCHIVE,
    /** {@code GET /crm/v3/objects/{objectType}} */
    LIST,
    /** {@code POST /crm/v3/objects/{objectType}/batch/create} */
    BATCH_CREATE,
    /** {@code POST /crm/v3/objects/{objectType}/batch/read} */
    BATCH_READ,
    /** {@code POST /crm/v3/objects/{objectType}/batch/update} */
    BATCH_UPDATE,
    /** {@code POST /crm/v3/objects/{objectType}/batch/upsert} */
    BATCH_UPSERT,
    /** {@code POST /crm/v3/objects/{objectType}/batch/archive} */
    BATCH_ARCHIVE,
    /** {@code POST /crm/v3/objects/{objectType}/search} */
    SEARCH,
    /** Anything else (unknown path or method). */
    OTHER;

    /** Whether this kind is one of the {@code batch/*} endpoints. */
    public boolean isBatch() {
        return name().startsWith("BATCH_");
    }
}
