package io.quarkiverse.etlify.airtable.sandbox;

/** What a request addressed. */
public enum Endpoint {
    /** {@code POST /v0/{baseId}/{table}}: create records. */
    CREATE,
    /** {@code PATCH /v0/{baseId}/{table}} without {@code performUpsert}: update records by id. */
    UPDATE_MANY,
    /** {@code PATCH /v0/{baseId}/{table}} with {@code performUpsert}: upsert records on merge fields. */
    UPSERT,
    /** {@code PATCH /v0/{baseId}/{table}/{recordId}}: update one record. */
    UPDATE,
    /** {@code DELETE /v0/{baseId}/{table}/{recordId}}: delete one record. */
    DELETE,
    /** {@code DELETE /v0/{baseId}/{table}?records[]=...}: delete records. */
    DELETE_MANY,
    /** Anything else (answered 404, or 403 for another base). */
    OTHER
}
