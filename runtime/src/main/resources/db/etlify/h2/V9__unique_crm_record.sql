-- Etlify 0.3.0: a CRM record belongs to one record. Two records whose syncs land on one CRM record (e.g. two
-- e-mails differing only in case, which HubSpot matches as one contact) both stored its CRM id and overwrote
-- each other's data in the CRM at every sync, unnoticed. A sync storing a CRM id now checks that no other
-- record of the same CRM and object type holds it (the later record fails, naming the holder); this index
-- settles two syncs storing one id at once, per CRM and resource type (a resource type has one object type in
-- a CRM). It leads with crm_id, so it never serves the look-ups of sync rows by resource.
-- Rows stored before may share a CRM id: the first stored keeps it, the others lose it with their digest and
-- freshness, so that the next batch sync syncs them again and reports those that still land on that record.
UPDATE crm_synchronisations s
SET last_error = 'CRM record ' || s.crm_id || ' was also stored for ' || s.resource_type || ' '
        || (SELECT k.resource_id FROM crm_synchronisations k WHERE k.crm_name = s.crm_name
            AND k.resource_type = s.resource_type AND k.crm_id = s.crm_id ORDER BY k.id FETCH FIRST ROW ONLY)
        || ', which keeps it (Etlify migration V9): the next sync of this record reports it if both still land on it',
    crm_id = NULL, last_digest = NULL, source_watermark = NULL, create_unconfirmed_at = NULL
WHERE s.crm_id IS NOT NULL AND EXISTS (SELECT 1 FROM crm_synchronisations o WHERE o.crm_name = s.crm_name
    AND o.resource_type = s.resource_type AND o.crm_id = s.crm_id AND o.id < s.id);
-- rows without a CRM id never collide: H2 holds NULLs distinct in a unique index
CREATE UNIQUE INDEX idx_crm_sync_on_crm_record ON crm_synchronisations (crm_id, crm_name, resource_type);
