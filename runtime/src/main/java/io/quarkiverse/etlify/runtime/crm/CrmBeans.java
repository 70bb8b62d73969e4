package io.quarkiverse.etlify.runtime.crm;

import java.util.List;

/** The bean classes of this package, for the build to register (some are package-private). */
public final class CrmBeans {

    public static final List<Class<?>> CLASSES = List.of(CrmRegistry.class, NullCrmAdapterFactory.class);

    private CrmBeans() {
    }
}
