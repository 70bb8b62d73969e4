package io.quarkiverse.etlify.runtime.admin;

import static io.quarkiverse.etlify.runtime.config.ConfigChecks.positive;

import java.util.List;

import io.quarkiverse.etlify.runtime.config.EtlifyRuntimeConfig;

/** The part of the one configuration check about {@code quarkus.etlify.admin.*}. */
public final class AdminConfigCheck {

    private AdminConfigCheck() {
    }

    /** Adds what is wrong with the admin settings to {@code problems}. */
    public static void check(EtlifyRuntimeConfig config, List<String> problems) {
        EtlifyRuntimeConfig.Admin admin = config.admin();
        if (admin.role().isBlank()) {
            problems.add("quarkus.etlify.admin.role must name the role allowed to call /q/etlify, got a blank value");
        }
        positive("quarkus.etlify.admin.max-page-size", admin.maxPageSize(), problems);
        if (admin.abandonedAfter().compareTo(config.batchSync().progressInterval()) <= 0) {
            problems.add("quarkus.etlify.admin.abandoned-after (" + admin.abandonedAfter()
                    + ") must be longer than quarkus.etlify.batch-sync.progress-interval ("
                    + config.batchSync().progressInterval() + "), or running batch runs show as abandoned");
        }
    }
}
