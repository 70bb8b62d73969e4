package io.quarkiverse.etlify.runtime.mapping;

/**
 * A mapping's serializer or guard failed on one record. The message alone is enough to fix it: which
 * class, which record, the original exception and the frame of the application's code that threw, e.g.
 * {@code Serializer com.acme.UserSerializer failed for User 42: NullPointerException: Cannot invoke
 * "String.trim()" because "user.name" is null at com.acme.UserSerializer.toPayload(UserSerializer.java:17)}.
 * The original exception is the cause.
 */
public final class RecordException extends RuntimeException {

    RecordException(String role, String userClass, String record, RuntimeException failure) {
        super(role + " " + userClass + " failed for " + record + ": " + describe(failure), failure);
    }

    private static String describe(RuntimeException failure) {
        StringBuilder text = new StringBuilder(failure.getClass().getSimpleName());
        if (failure.getMessage() != null) {
            text.append(": ").append(failure.getMessage());
        }
        UserFrames.top(failure).ifPresent(frame -> text.append(" at ").append(frame));
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure) {
            text.append(" (caused by ").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage());
            }
            text.append(')');
        }
        return text.toString();
    }
}
