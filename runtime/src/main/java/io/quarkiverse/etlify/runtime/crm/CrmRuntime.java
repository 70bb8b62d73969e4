package io.quarkiverse.etlify.runtime.crm;

import java.time.Duration;

import io.quarkiverse.etlify.adapter.CrmAdapter;

/**
 * An enabled CRM as the engine uses it (a disabled one has none: nothing of the engine runs for it).
 *
 * @param name the CRM name
 * @param adapter its adapter
 * @param maxSyncErrors failures after which a record leaves batch syncs
 * @param claimLease how long a claim on a record lasts when its holder dies ({@code queue.lease})
 */
public record CrmRuntime(String name, CrmAdapter adapter, int maxSyncErrors, Duration claimLease) {
}
