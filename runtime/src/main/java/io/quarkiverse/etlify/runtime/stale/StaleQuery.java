package io.quarkiverse.etlify.runtime.stale;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The statements finding one mapping's stale records, built once per mapping. Owners are scanned in
 * windows of consecutive ids {@code [FIRST, LAST]}; each window's stale ids come from one statement,
 * which reads the window's sync rows through one index range: of {@code resource_number} (the id as a
 * number, kept by the database) for integer ids, of {@code resource_id} ({@code [FROM_KEY, TO_KEY]})
 * for any other id, whose text sorts as the ids do.
 *
 * @param idType Java type of the entity's id
 * @param firstId the first id of the table, no parameter
 * @param nextId the first id after {@link Param#AFTER}
 * @param lastId the last id of the window starting at {@link Param#FIRST}, at most {@link Param#LIMIT} ids
 * @param keyBounds lowest and highest {@code resource_id} of the window's ids (ids other than integers)
 * @param staleInWindow stale ids of the window
 * @param syncedInWindow a row if any owner of the window has a sync row: without one, every owner of the
 *        window is stale and {@code idsInWindow} lists them without computing any freshness
 * @param idsInWindow the ids of the window (in the mapping's scope)
 * @param count number of stale records
 * @param freshness id, watermark and count of the records of {@link Param#IDS}
 */
record StaleQuery(Class<?> idType, Sql firstId, Sql nextId, Sql lastId, Sql keyBounds, Sql staleInWindow,
        Sql syncedInWindow, Sql idsInWindow, Sql count, Sql freshness) {

    private static final Set<Class<?>> INTEGER_TYPES = Set.of(Long.class, Integer.class, Short.class);

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
        /** the window size */
        LIMIT,
        /** the lowest {@code resource_id} of the window (ids other than integers) */
        FROM_KEY,
        /** the highest {@code resource_id} of the window (ids other than integers) */
        TO_KEY,
        /** a list of ids: one placeholder per id */
        IDS
    }

    /** Whether ids have an integer type: their sync rows are joined on {@code resource_number}. */
    static boolean numeric(Class<?> idType) {
        return INTEGER_TYPES.contains(idType);
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
