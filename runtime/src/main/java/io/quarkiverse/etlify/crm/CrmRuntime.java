package io.quarkiverse.etlify.crm;

import java.time.Duration;

import io.quarkiverse.etlify.adapter.CrmAdapter;

/**
 * A configured CRM as the engine uses it.
 *
 * @param name the CRM name
 * @param enabled whether the CRM is enabled
 * @param adapter its adapter
 * @param maxSyncErrors failures after which a record leaves batch syncs
 * @param claimLease how long a claim on a record lasts when its holder dies ({@code queue.lease})
 */
public record CrmRuntime(String name, boolean enabled, CrmAdapter adapter, int maxSyncErrors, Duration claimLease) {
}
