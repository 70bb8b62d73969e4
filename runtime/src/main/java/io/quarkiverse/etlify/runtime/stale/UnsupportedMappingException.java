package io.quarkiverse.etlify.runtime.stale;

import java.util.List;

/**
 * A mapping whose records or dependencies the stale finder cannot read in SQL; each problem names the
 * entity and the dependency path, says why and what to change.
 */
class UnsupportedMappingException extends IllegalStateException {

    private final List<String> problems;

    UnsupportedMappingException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
