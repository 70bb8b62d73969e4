package io.quarkiverse.etlify.runtime.onchange;

import java.util.List;

/** The bean classes of this package, for the build to register (package-private). */
public final class OnChangeBeans {

    public static final List<Class<?>> CLASSES = List.of(ChangeRequests.class);

    /** The Hibernate integrator, which Hibernate ORM instantiates by name. */
    public static final Class<?> INTEGRATOR = ChangeIntegrator.class;

    private OnChangeBeans() {
    }
}
