package io.quarkiverse.etlify.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The configuration reference in {@code docs/modules/ROOT/pages/includes} is generated from the
 * {@code @ConfigMapping} Javadoc, never typed: this fails when the committed copy differs from what the
 * build just generated (a property or its Javadoc changed without regenerating it).
 */
class ConfigReferenceIsCurrentTest {

    private static final String UPDATE = "regenerate it: ./mvnw -pl docs -am package -DskipTests -Pupdate-config-doc";

    private final Path generated = Path.of(System.getProperty("config-doc.generated"));
    private final Path committed = Path.of(System.getProperty("config-doc.committed"));

    @Test
    void committedReferenceIsTheGeneratedOne() throws IOException {
        List<Path> files = adocFiles(generated);
        assertThat(files).as("generated configuration reference in %s", generated).isNotEmpty();
        if (generated.equals(committed)) {
            return; // the update profile wrote the committed copy itself
        }
        assertThat(adocFiles(committed).stream().map(Path::getFileName))
                .as("files of the committed configuration reference; %s", UPDATE)
                .containsExactlyInAnyOrderElementsOf(files.stream().map(Path::getFileName).toList());
        for (Path file : files) {
            assertThat(Files.readString(committed.resolve(file.getFileName())))
                    .as("%s is stale; %s", committed.resolve(file.getFileName()), UPDATE)
                    .isEqualTo(Files.readString(file));
        }
    }

    @Test
    void referenceDocumentsEveryPropertyFamily() throws IOException {
        String reference = Files.readString(generated.resolve("quarkus-etlify.adoc"));
        assertThat(reference).contains("`quarkus.etlify.crm.\"crm-name\".adapter`", "`quarkus.etlify.max-sync-errors`",
                "`quarkus.etlify.batch-sync.cron`", "`quarkus.etlify.admin.role`");
        // a property without Javadoc gets a description block that starts with its environment variable
        assertThat(Stream.of(reference.split("\\[\\.description\\]\n--\n")).skip(1))
                .isNotEmpty().allSatisfy(description -> assertThat(description.strip()).doesNotStartWith("ifdef::"));
    }

    private static List<Path> adocFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith("quarkus-etlify")).sorted().toList();
        }
    }
}
