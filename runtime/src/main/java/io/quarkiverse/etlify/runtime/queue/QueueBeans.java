package io.quarkiverse.etlify.runtime.queue;

import java.util.List;

/** The bean classes of this package, for the build to register (some are package-private). */
public final class QueueBeans {

    public static final List<Class<?>> CLASSES = List.of(DurableQueueDispatcher.class, QueueSignal.class,
            QueueWorkers.class, SyncRequestStore.class);

    private QueueBeans() {
    }
}
