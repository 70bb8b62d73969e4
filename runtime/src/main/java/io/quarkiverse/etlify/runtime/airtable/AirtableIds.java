package io.quarkiverse.etlify.runtime.airtable;

import java.util.regex.Pattern;

/**
 * Airtable's object ids: a three-letter prefix naming the kind ({@code app} base, {@code tbl} table,
 * {@code fld} field, {@code rec} record) and 14 letters or digits.
 */
final class AirtableIds {

    static final String BASE = "app";
    static final String TABLE = "tbl";
    static final String FIELD = "fld";
    static final String RECORD = "rec";

    private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9]{14}");
    // what users mean as an id: the prefix, then letters and digits only (a name has spaces or other letters)
    private static final Pattern ID_LIKE = Pattern.compile("[A-Za-z0-9]+");

    private AirtableIds() {
    }

    /** Whether {@code value} is a well-formed id of that kind, e.g. {@code is(FIELD, "fldAbCdEf01234567")}. */
    static boolean is(String prefix, String value) {
        return value != null && value.startsWith(prefix) && SUFFIX.matcher(value.substring(prefix.length())).matches();
    }

    /** Whether {@code value} looks meant as an id of that kind (prefix and letters or digits), well-formed or not. */
    static boolean looksLike(String prefix, String value) {
        return value != null && value.length() > prefix.length() && value.startsWith(prefix)
                && ID_LIKE.matcher(value.substring(prefix.length())).matches();
    }
}
