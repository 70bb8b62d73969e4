package io.quarkiverse.etlify.runtime.batch;

import java.util.List;

/** The bean classes of this package, for the build to register (some are package-private). */
public final class BatchBeans {

    public static final List<Class<?>> CLASSES = List.of(BatchSyncRunner.class, BatchSyncScheduler.class, BatchProgress.class);

    private BatchBeans() {
    }
}
