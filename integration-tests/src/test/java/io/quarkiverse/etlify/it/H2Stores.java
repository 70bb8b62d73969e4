package io.quarkiverse.etlify.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application on an in-memory H2 database, shared by the H2 runs of the store suites so that they
 * run in one application start; the embedded PostgreSQL is not started.
 */
public class H2Stores implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return H2Database.config("etlify-stores", Map.of());
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
