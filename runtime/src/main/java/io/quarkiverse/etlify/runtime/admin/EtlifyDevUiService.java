package io.quarkiverse.etlify.runtime.admin;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

/**
 * The Dev UI card's back end (dev mode only): the same figures as {@code GET /q/etlify/crms} and
 * {@code GET /q/etlify/status}. Public because Dev UI's JSON-RPC router calls its methods; not API.
 */
public class EtlifyDevUiService {

    @Inject
    AdminApi admin;

    /** Each CRM: adapter, enabled, rate limit, state, queue depth. */
    public List<Map<String, Object>> getCrms() {
        return admin.crms();
    }

    /** Per CRM and model: records, synced, stale, queued, failing, exhausted, last sync. */
    public List<Map<String, Object>> getStatus() {
        return admin.status();
    }
}
