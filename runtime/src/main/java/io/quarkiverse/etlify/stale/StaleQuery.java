package io.quarkiverse.etlify.stale;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements finding one mapping's stale records, built once per mapping. Owner ids are scanned
 * in windows: {@code bounds} gives the last id of the next window, {@code stale} the stale ids in it.
 *
 * @param idType Java type of the entity's id
 * @param firstBounds last id of the first window
 * @param nextBounds last id of the window after {@link Param#AFTER}
 * @param firstStale stale ids up to {@link Param#UP_TO}
 * @param nextStale stale ids after {@link Param#AFTER} up to {@link Param#UP_TO}
 * @param count number of stale records
 */
record StaleQuery(Class<?> idType, Sql firstBounds, Sql nextBounds, Sql firstStale, Sql nextStale, Sql count) {

    /** What a statement's placeholders stand for, in order. */
    enum Param {
        CRM,
        RESOURCE_TYPE,
        MAX_SYNC_ERRORS,
        /** the last owner id already scanned (exclusive) */
        AFTER,
        /** the last owner id of the window (inclusive) */
        UP_TO,
        /** the window size */
        LIMIT
    }

    /** SQL text with its placeholders' meanings. */
    record Sql(String text, List<Param> params) {

        @Override
        public String toString() {
            return text;
        }
    }

    /** Appends SQL text and placeholders. */
    static final class Builder {

        private final StringBuilder text = new StringBuilder();
        private final List<Param> params = new ArrayList<>();

        Builder append(String sql) {
            text.append(sql);
            return this;
        }

        Builder param(Param param) {
            text.append('?');
            params.add(param);
            return this;
        }

        /** Appends SQL holding one {@code ?}, which stands for {@code param}. */
        Builder append(String sql, Param param) {
            int at = sql.indexOf('?');
            return append(sql.substring(0, at)).param(param).append(sql.substring(at + 1));
        }

        Sql build() {
            return new Sql(text.toString(), List.copyOf(params));
        }
    }
}
