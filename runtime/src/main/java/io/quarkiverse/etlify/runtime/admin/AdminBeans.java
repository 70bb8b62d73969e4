package io.quarkiverse.etlify.runtime.admin;

import java.util.List;

/** The bean classes and resources of the admin endpoints, for the build to register when they are enabled. */
public final class AdminBeans {

    public static final List<Class<?>> CLASSES = List.of(AdminApi.class, RecordInspector.class);

    private AdminBeans() {
    }

    /** The names of the bean classes. */
    public static String[] classNames() {
        return CLASSES.stream().map(Class::getName).toArray(String[]::new);
    }

    /** The console page's files in the runtime jar, which a native image must include. */
    public static List<String> consoleResources() {
        return ConsolePage.resources();
    }
}
