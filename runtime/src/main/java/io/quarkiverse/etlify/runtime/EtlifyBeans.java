package io.quarkiverse.etlify.runtime;

import java.util.List;
import java.util.stream.Stream;

import io.quarkiverse.etlify.runtime.airtable.AirtableBeans;
import io.quarkiverse.etlify.runtime.batch.BatchBeans;
import io.quarkiverse.etlify.runtime.crm.CrmBeans;
import io.quarkiverse.etlify.runtime.hubspot.HubSpotBeans;
import io.quarkiverse.etlify.runtime.onchange.OnChangeBeans;
import io.quarkiverse.etlify.runtime.queue.QueueBeans;
import io.quarkiverse.etlify.runtime.stale.OwnerFinder;
import io.quarkiverse.etlify.runtime.stale.StaleRecordFinder;
import io.quarkiverse.etlify.runtime.state.BatchRunStore;
import io.quarkiverse.etlify.runtime.state.ClaimStore;
import io.quarkiverse.etlify.runtime.state.CrmHoldStore;
import io.quarkiverse.etlify.runtime.state.CrmRecordOwners;
import io.quarkiverse.etlify.runtime.state.LeaseStore;
import io.quarkiverse.etlify.runtime.state.PendingSyncStore;
import io.quarkiverse.etlify.runtime.state.RateLimitPermitStore;
import io.quarkiverse.etlify.runtime.state.SyncInbox;
import io.quarkiverse.etlify.runtime.state.SyncStateStore;
import io.quarkiverse.etlify.runtime.sync.SyncBeans;
import io.quarkiverse.etlify.runtime.throttle.CrmGuards;

/**
 * Every bean class of the engine, for the build to register: the deployment module names this class,
 * not the beans, which stay package-private where they can.
 */
public final class EtlifyBeans {

    private static final List<Class<?>> OWN = List.of(DefaultEtlify.class, ConfigValidator.class, CrmDispatchers.class,
            StartupChecks.class, StaleRecordFinder.class, CrmGuards.class, SyncStateStore.class, PendingSyncStore.class,
            LeaseStore.class, RateLimitPermitStore.class, CrmHoldStore.class, ClaimStore.class,
            CrmRecordOwners.class, BatchRunStore.class, OwnerFinder.class, SyncInbox.class);

    private EtlifyBeans() {
    }

    /** The names of the bean classes. */
    public static String[] classNames() {
        return Stream.of(OWN, AirtableBeans.CLASSES, BatchBeans.CLASSES, CrmBeans.CLASSES, HubSpotBeans.CLASSES,
                OnChangeBeans.CLASSES, QueueBeans.CLASSES, SyncBeans.CLASSES).flatMap(List::stream).map(Class::getName)
                .toArray(String[]::new);
    }
}
