package io.quarkiverse.etlify.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where a measured run's CPU went: this JVM (the application), the whole machine (the application, the
 * database and anything else), and the time the hypervisor gave to other machines ({@code steal}): on a
 * shared virtual machine, tells a run slowed down by other machines from one that simply needed more CPU.
 * Machine figures come from Linux's {@code /proc/stat}; elsewhere only the application's is known.
 */
final class CpuTimes {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** {@code /proc/stat} counts in clock ticks, 100 per second on Linux. */
    private static final double TICKS_PER_SECOND = 100;

    private final long startNanos = System.nanoTime();
    private final long startProcess = processCpuNanos();
    private final long[] startMachine = machineTicks();

    static CpuTimes start() {
        return new CpuTimes();
    }

    /**
     * Prints, for the {@code runs} runs since {@link #start()}: {@code <key>.app_cpu_seconds} and, where known,
     * {@code <key>.machine_cpu_seconds} per run, and {@code <key>.steal_percent} of the time the machine's CPUs had.
     */
    void print(String key, int runs) {
        double wall = Figures.seconds(startNanos);
        Figures.print(key + ".app_cpu_seconds", (processCpuNanos() - startProcess) / 1e9 / runs);
        long[] end = machineTicks();
        if (startMachine.length < 8 || end.length < 8) {
            return;
        }
        // user, nice, system, irq, softirq: work done; steal: time a ready CPU was given to another machine
        long busy = 0;
        for (int field : new int[] { 0, 1, 2, 5, 6 }) {
            busy += end[field] - startMachine[field];
        }
        long steal = end[7] - startMachine[7];
        int cpus = Runtime.getRuntime().availableProcessors();
        Figures.print(key + ".machine_cpu_seconds", busy / TICKS_PER_SECOND / runs);
        Figures.print(key + ".steal_percent", 100 * steal / TICKS_PER_SECOND / (wall * cpus));
    }

    /** This JVM's CPU seconds since {@link #start()}. */
    double appCpuSeconds() {
        return (processCpuNanos() - startProcess) / 1e9;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The aggregate {@code cpu} line's counters, or none when unreadable. */
    private static long[] machineTicks() {
        try {
            String first = Files.readAllLines(PROC_STAT).get(0);
            return Arrays.stream(first.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }
}
