package io.quarkiverse.etlify.runtime.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class RecordExceptionTest {

    @Test
    void namesTheClassTheRecordTheExceptionAndTheFrameThatThrew() {
        NullPointerException npe = catchThrowableOfType(NullPointerException.class, () -> firstName(null));

        RecordException e = new RecordException("Serializer", "com.acme.UserSerializer", "User 42", npe);

        assertThat(e.getMessage())
                .startsWith("Serializer com.acme.UserSerializer failed for User 42: NullPointerException: Cannot invoke"
                        + " \"String.trim()\"")
                .containsPattern(" at io\\.quarkiverse\\.etlify\\.runtime\\.mapping\\.RecordExceptionTest\\.firstName"
                        + "\\(RecordExceptionTest\\.java:\\d+\\)$");
        assertThat(e.getCause()).isSameAs(npe);
    }

    @Test
    void skipsLibraryFramesAndGeneratedProxiesAboveTheSerializer() {
        NullPointerException npe = new NullPointerException();
        npe.setStackTrace(new StackTraceElement[] {
                frame("java.util.Objects", "requireNonNull", "Objects.java", 233),
                frame("java.util.ImmutableCollections$MapN", "<init>", "ImmutableCollections.java", 1180),
                frame("java.util.Map", "of", "Map.java", 1390),
                frame("io.quarkiverse.etlify.it.SubscriptionSerializer", "toPayload", "SubscriptionSerializer.java", 17),
                frame("io.quarkiverse.etlify.it.SubscriptionSerializer_ClientProxy", "toPayload", null, -1),
                frame(Mapping.class.getName(), "payload", "Mapping.java", 120),
                frame("com.acme.SignUpResource", "signUp", "SignUpResource.java", 30) });

        assertThat(new RecordException("Serializer", "io.quarkiverse.etlify.it.SubscriptionSerializer", "Subscription 7",
                npe).getMessage()).isEqualTo("Serializer io.quarkiverse.etlify.it.SubscriptionSerializer failed for"
                        + " Subscription 7: NullPointerException at"
                        + " io.quarkiverse.etlify.it.SubscriptionSerializer.toPayload(SubscriptionSerializer.java:17)");
    }

    @Test
    void neverBlamesWhatCalledEtlify() {
        IllegalStateException failure = new IllegalStateException("no session", new IllegalArgumentException("closed"));
        failure.setStackTrace(new StackTraceElement[] {
                frame("org.hibernate.collection.spi.AbstractPersistentCollection", "initialize",
                        "AbstractPersistentCollection.java", 600),
                frame(Mapping.class.getName(), "accepts", "Mapping.java", 140),
                frame("com.acme.SignUpResource", "signUp", "SignUpResource.java", 30) });

        assertThat(new RecordException("Guard (syncIf)", "org.acme.Guard", "User 1", failure).getMessage())
                .isEqualTo("Guard (syncIf) org.acme.Guard failed for User 1: IllegalStateException: no session at"
                        + " org.hibernate.collection.spi.AbstractPersistentCollection.initialize("
                        + "AbstractPersistentCollection.java:600) (caused by IllegalArgumentException: closed)");
    }

    private static String firstName(String name) {
        return name.trim();
    }

    private static StackTraceElement frame(String className, String method, String file, int line) {
        return new StackTraceElement(className, method, file, line);
    }
}
