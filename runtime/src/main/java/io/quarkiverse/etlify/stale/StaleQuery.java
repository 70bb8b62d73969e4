package io.quarkiverse.etlify.stale;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The statements finding one mapping's stale records, built once per mapping. Owners are scanned in
 * windows of consecutive ids {@code [FIRST, LAST]}; each window's stale ids come from one statement.
 * That statement reads the window's sync rows either through a range of their {@code resource_id}
 * (one index range, no per-row look-up: when the window's ids render to a contiguous text range) or
 * by one index look-up per owner.
 *
 * @param idType Java type of the entity's id
 * @param firstId the first id of the table, no parameter
 * @param nextId the first id after {@link Param#AFTER}
 * @param lastId the last id of the window starting at {@link Param#FIRST}, at most {@link Param#LIMIT} ids
 * @param lastIdCapped the same, ids not above {@link Param#CAP}
 * @param keyBounds lowest and highest {@code resource_id} of the window's ids
 * @param maxId the highest id (integer ids only)
 * @param staleInKeyRange stale ids of the window, sync rows read in {@code [FROM_KEY, TO_KEY]}
 * @param staleByLookup stale ids of the window, sync rows looked up one by one
 * @param count number of stale records
 * @param freshness id, watermark and count of the records of {@link Param#IDS}
 */
record StaleQuery(Class<?> idType, Sql firstId, Sql nextId, Sql lastId, Sql lastIdCapped, Sql keyBounds, Sql maxId,
        Sql staleInKeyRange, Sql staleByLookup, Sql count, Sql freshness) {

    private static final String IDS_MARK = "{ids}";

    /** What a statement's placeholders stand for, in order. */
    enum Param {
        CRM,
        RESOURCE_TYPE,
        MAX_SYNC_ERRORS,
        /** the last id already scanned (exclusive) */
        AFTER,
        /** the window's first id (inclusive) */
        FIRST,
        /** the window's last id (inclusive) */
        LAST,
        /** the highest id a window may reach (inclusive) */
        CAP,
        /** the window size */
        LIMIT,
        /** the lowest {@code resource_id} of the window */
        FROM_KEY,
        /** the highest {@code resource_id} of the window */
        TO_KEY,
        /** a list of ids: one placeholder per id */
        IDS
    }

    /** SQL text with its placeholders' meanings; {@link Param#IDS} stands for {@code {ids}} in the text. */
    record Sql(String text, List<Param> params) {

        /** The text with one placeholder per id wherever the ids are listed. */
        String text(int ids) {
            return text.replace(IDS_MARK, String.join(", ", Collections.nCopies(ids, "?")));
        }

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
            text.append(param == Param.IDS ? IDS_MARK : "?");
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
