package io.quarkiverse.etlify.stale;

import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.mapping.Mapping;

/** TEMPORARY placeholder until the stale-finder branch is merged: never committed. */
@ApplicationScoped
public class StaleRecordFinder {

    public void forEachPage(Mapping mapping, String crmName, int maxSyncErrors, int pageSize, Consumer<List<Object>> page) {
        throw new UnsupportedOperationException();
    }
}
