package io.quarkiverse.etlify.runtime.config;

import java.time.Duration;
import java.util.List;

/** Checks of configured values, each adding a message naming the property to the problems found at start. */
public final class ConfigChecks {

    private ConfigChecks() {
    }

    public static void positive(String property, long value, List<String> problems) {
        if (value < 1) {
            problems.add(property + " must be positive, got " + value);
        }
    }

    public static void positive(String property, Duration value, List<String> problems) {
        if (value.isZero() || value.isNegative()) {
            problems.add(property + " must be positive, got " + value);
        }
    }

    public static void notNegative(String property, Duration value, List<String> problems) {
        if (value.isNegative()) {
            problems.add(property + " must not be negative, got " + value);
        }
    }
}
