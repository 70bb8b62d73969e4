package io.quarkiverse.etlify.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * README's code blocks are the compiled ones. A fenced block preceded by {@code <!-- example: <path> -->} (a path
 * under {@code docs/modules/ROOT/examples}; the comment does not show on GitHub) must appear in that file,
 * line for line, ignoring each line's indentation and the {@code tag::}/{@code end::} lines of the file. Once
 * README marks one block, every {@code java} block must be marked: then each Java snippet of README is one
 * the build compiles and runs.
 */
class ReadmeSnippetsTest {

    private static final Pattern BLOCK = Pattern
            .compile("(?:^<!--\\s*example:\\s*(\\S+)\\s*-->[ \\t]*\\n)?^```(\\w*)[^\\n]*\\n(.*?)\\n```[ \\t]*$",
                    Pattern.DOTALL | Pattern.MULTILINE);

    private final Path readme = Path.of(System.getProperty("docs.readme"));
    private final Path examples = Path.of(System.getProperty("docs.examples"));

    @Test
    void everyMarkedSnippetIsInItsExampleFile() throws IOException {
        List<Snippet> snippets = snippets(Files.readString(readme));
        for (Snippet snippet : snippets.stream().filter(s -> s.example() != null).toList()) {
            Path file = examples.resolve(snippet.example());
            assertThat(file).as("README block %d names example %s", snippet.index(), snippet.example()).isRegularFile();
            assertThat(Collections.indexOfSubList(fileLines(Files.readString(file)), snippetLines(snippet.code())))
                    .as("README block %d (%s) is not, line for line, in %s:%n%s", snippet.index(), snippet.language(),
                            snippet.example(), snippet.code())
                    .isNotNegative();
        }
    }

    @Test
    void onceOneSnippetIsMarkedEveryJavaSnippetIs() throws IOException {
        List<Snippet> snippets = snippets(Files.readString(readme));
        if (snippets.stream().noneMatch(s -> s.example() != null)) {
            return; // README does not use markers yet
        }
        assertThat(snippets).filteredOn(s -> s.language().equals("java"))
                .allSatisfy(s -> assertThat(s.example())
                        .as("README java block %d has no <!-- example: ... --> line before it:%n%s", s.index(), s.code())
                        .isNotNull());
    }

    @Test
    void theCheckFindsWhatItShould() {
        String markdown = """
                <!-- example: org/acme/quickstart/User.java -->
                ```java
                public class User {
                ```
                ```bash
                ./mvnw verify
                ```
                """;
        assertThat(snippets(markdown)).containsExactly(
                new Snippet(1, "org/acme/quickstart/User.java", "java", "public class User {"),
                new Snippet(2, null, "bash", "./mvnw verify"));
        assertThat(Collections.indexOfSubList(fileLines("a\n    // tag::x[]\n  b\n// end::x[]\nc"), snippetLines("b\nc")))
                .isEqualTo(1);
        assertThat(Collections.indexOfSubList(fileLines("a\nb"), snippetLines("b\na"))).isNegative();
    }

    static List<Snippet> snippets(String markdown) {
        List<Snippet> snippets = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(markdown);
        while (matcher.find()) {
            snippets.add(new Snippet(snippets.size() + 1, matcher.group(1), matcher.group(2), matcher.group(3)));
        }
        return snippets;
    }

    /** The file's lines without indentation and without Asciidoctor's tag lines. */
    static List<String> fileLines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.matches("(//|#) (tag|end)::[\\w-]+\\[\\]")).toList();
    }

    static List<String> snippetLines(String code) {
        return code.strip().lines().map(String::strip).toList();
    }

    record Snippet(int index, String example, String language, String code) {
    }
}
