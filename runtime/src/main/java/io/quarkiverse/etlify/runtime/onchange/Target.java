package io.quarkiverse.etlify.runtime.onchange;

import io.quarkiverse.etlify.runtime.mapping.Mapping;

/**
 * Rows whose ids are looked up to find the records of a mapping they concern: rows of a step of a dependency path
 * ({@code position} from 1), or, with {@code position} 0, ids that may be the mapping's records.
 */
record Target(Mapping mapping, int path, int position) {

    /** Ids that may be records of the mapping, checked against its rows (another entity type may share its table). */
    static Target records(Mapping mapping) {
        return new Target(mapping, -1, 0);
    }
}
