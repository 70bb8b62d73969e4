package io.quarkiverse.etlify.hubspot.sandbox;

/**
 * A write would give a unique-value property a value another object already holds.
 */
final class UniqueConflictException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final String existingId;

    UniqueConflictException(String property, String existingId) {
        super("Unique value of " + property + " already held by " + existingId, null, false, false);
        this.property = property;
        this.existingId = existingId;
    }

    String property() {
        return property;
    }

    String existingId() {
        return existingId;
    }
}
