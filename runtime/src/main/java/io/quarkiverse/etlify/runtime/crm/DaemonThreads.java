package io.quarkiverse.etlify.runtime.crm;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Thread pools of Etlify's own work: daemon threads, so that they never keep the JVM alive. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A fixed pool of {@code size} daemon threads named {@code name}. */
    public static ExecutorService fixedPool(int size, String name) {
        return Executors.newFixedThreadPool(size, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
