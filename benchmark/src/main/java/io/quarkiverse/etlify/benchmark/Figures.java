package io.quarkiverse.etlify.benchmark;

import java.util.Locale;

/** Prints one figure per line, {@code key=value}, on standard output. */
final class Figures {

    private Figures() {
    }

    static void print(String key, Object value) {
        String text = value instanceof Double || value instanceof Float
                ? String.format(Locale.ROOT, "%.2f", ((Number) value).doubleValue())
                : String.valueOf(value);
        System.out.println(key + "=" + text);
        System.out.flush();
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
