package io.quarkiverse.etlify.runtime.mapping;

import java.util.List;
import java.util.Optional;

/**
 * Finds, in the stack trace of an exception thrown by a serializer or guard, the frame of the
 * application's code that threw it. Only the frames above {@link Mapping}'s call count: below it are
 * Etlify and whatever called Etlify, so the application's classes are told apart by position, not by
 * package (they may well live under {@code io.quarkiverse.etlify}). Among those frames, JDK and library
 * frames ({@code Objects.requireNonNull}, {@code Map.of}, Hibernate's lazy loading) and the proxies ArC
 * generates are skipped.
 */
final class UserFrames {

    private static final List<String> LIBRARY_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "jakarta.", "kotlin.", "org.jboss.", "org.hibernate.", "io.quarkus.", "io.smallrye.", "io.vertx.",
            "io.netty.", "io.agroal.", "com.fasterxml.jackson.", "org.eclipse.microprofile.");
    private static final List<String> GENERATED_SUFFIXES = List.of("_ClientProxy", "_Subclass");

    private UserFrames() {
    }

    /** The application's frame that threw, as {@code class.method(File.java:line)}, if there is one. */
    static Optional<String> top(Throwable failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        StackTraceElement first = null;
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().equals(Mapping.class.getName())) {
                break;
            }
            if (first == null) {
                first = frame;
            }
            if (isApplicationCode(frame.getClassName())) {
                return Optional.of(render(frame));
            }
        }
        // the serializer itself lives in a library package: the frame closest to the throw is the best hint
        return Optional.ofNullable(first).map(UserFrames::render);
    }

    private static boolean isApplicationCode(String className) {
        return LIBRARY_PACKAGES.stream().noneMatch(className::startsWith)
                && GENERATED_SUFFIXES.stream().noneMatch(className::endsWith);
    }

    // not StackTraceElement.toString(): that prefixes the class loader's and module's names
    private static String render(StackTraceElement frame) {
        String location = frame.isNativeMethod() ? "Native Method"
                : frame.getFileName() == null ? "Unknown Source"
                        : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber()
                                : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + location + ")";
    }
}
