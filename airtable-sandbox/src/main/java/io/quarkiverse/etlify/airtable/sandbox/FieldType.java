package io.quarkiverse.etlify.airtable.sandbox;

/**
 * The field types the sandbox knows, named as Airtable's API names them
 * (https://airtable.com/developers/web/api/field-model), with the cell values each takes.
 */
public enum FieldType {
    /** A string. */
    SINGLE_LINE_TEXT("singleLineText"),
    /** A string. */
    MULTILINE_TEXT("multilineText"),
    /** A string. */
    EMAIL("email"),
    /** A string. */
    URL("url"),
    /** A string. */
    PHONE_NUMBER("phoneNumber"),
    /** A JSON number. */
    NUMBER("number"),
    /** A JSON number. */
    CURRENCY("currency"),
    /** A JSON number. */
    PERCENT("percent"),
    /** {@code true} or {@code false}. */
    CHECKBOX("checkbox"),
    /** An ISO date, {@code 2026-01-02}. */
    DATE("date"),
    /** An ISO 8601 date-time with offset, answered in UTC with milliseconds: {@code 2026-01-02T03:04:05.000Z}. */
    DATE_TIME("dateTime"),
    /** One of the field's choices, by name. */
    SINGLE_SELECT("singleSelect"),
    /** An array of the field's choices, by name. */
    MULTIPLE_SELECTS("multipleSelects"),
    /** An array of record ids ({@code rec...}). */
    MULTIPLE_RECORD_LINKS("multipleRecordLinks");

    private final String apiName;

    FieldType(String apiName) {
        this.apiName = apiName;
    }

    /** The type's name in Airtable's API, e.g. {@code singleLineText}. */
    public String apiName() {
        return apiName;
    }

    /**
     * Whether a field of this type can be a merge field of an upsert: "number, text, long text, single select,
     * multiple select, date" (request body of https://airtable.com/developers/web/api/update-multiple-records);
     * e-mail, URL and phone fields are text fields too.
     */
    boolean mergeable() {
        return switch (this) {
            case CHECKBOX, DATE_TIME, MULTIPLE_RECORD_LINKS -> false;
            default -> true;
        };
    }

    boolean textual() {
        return this == SINGLE_LINE_TEXT || this == MULTILINE_TEXT || this == EMAIL || this == URL || this == PHONE_NUMBER;
    }

    boolean numeric() {
        return this == NUMBER || this == CURRENCY || this == PERCENT;
    }
}
