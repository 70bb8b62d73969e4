package io.quarkiverse.etlify.runtime;

import io.quarkiverse.etlify.adapter.CrmAdapter;

/**
 * A configured CRM as the engine uses it.
 *
 * @param name the CRM name
 * @param enabled whether the CRM is enabled
 * @param adapter its adapter
 * @param maxSyncErrors failures after which a record leaves batch syncs
 */
public record CrmRuntime(String name, boolean enabled, CrmAdapter adapter, int maxSyncErrors) {
}
