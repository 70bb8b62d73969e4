package io.quarkiverse.etlify.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The Antora module holds together: every page is in the navigation, every cross-reference and example
 * include resolves (tags included), every Java listing of a page is an include of a compiled example, and
 * every Java example is shown by some page.
 */
class DocsStructureTest {

    private static final Pattern XREF = Pattern.compile("xref:([\\w-]+\\.adoc)(?:#([\\w-]+))?\\[");
    private static final Pattern INCLUDE_EXAMPLE = Pattern.compile("^include::example\\$([^\\[]+)\\[([^\\]]*)\\]",
            Pattern.MULTILINE);
    private static final Pattern EXPLICIT_ID = Pattern.compile("\\[\\[([\\w-]+)(?:,[^\\]]*)?\\]\\]|^\\[#([\\w-]+)[\\],.]",
            Pattern.MULTILINE);
    private static final Pattern JAVA_LISTING = Pattern.compile("^\\[source,\\s*java[^\\]]*\\]\\n----\\n(.*?)\\n----$",
            Pattern.DOTALL | Pattern.MULTILINE);

    private final Path module = Path.of(System.getProperty("docs.pages"));
    private final Path pages = module.resolve("pages");
    private final Path examples = module.resolve("examples");

    @Test
    void everyPageIsInTheNavigation() throws IOException {
        String nav = Files.readString(module.resolve("nav.adoc"));
        assertThat(pageNames()).allSatisfy(page -> assertThat(nav).as("nav.adoc lists %s", page).contains("xref:" + page + "["));
        Matcher xref = XREF.matcher(nav);
        while (xref.find()) {
            assertThat(pages.resolve(xref.group(1))).as("nav.adoc links %s", xref.group(1)).isRegularFile();
        }
    }

    @Test
    void everyCrossReferenceResolves() throws IOException {
        for (String page : pageNames()) {
            Matcher xref = XREF.matcher(Files.readString(pages.resolve(page)));
            while (xref.find()) {
                Path target = pages.resolve(xref.group(1));
                assertThat(target).as("%s links %s", page, xref.group(1)).isRegularFile();
                if (xref.group(2) != null) {
                    assertThat(ids(Files.readString(target)))
                            .as("%s links %s#%s: declare it with [[%s]] or [#%s]", page, xref.group(1), xref.group(2),
                                    xref.group(2), xref.group(2))
                            .contains(xref.group(2));
                }
            }
        }
    }

    @Test
    void everyExampleIncludeResolvesWithItsTags() throws IOException {
        for (String page : pageNames()) {
            Matcher include = INCLUDE_EXAMPLE.matcher(Files.readString(pages.resolve(page)));
            while (include.find()) {
                Path file = examples.resolve(include.group(1));
                assertThat(file).as("%s includes example %s", page, include.group(1)).isRegularFile();
                String text = Files.readString(file);
                for (String tag : tags(include.group(2))) {
                    assertThat(text).as("%s includes tag %s of %s", page, tag, include.group(1))
                            .containsPattern("(//|#) tag::" + Pattern.quote(tag) + "\\[\\]")
                            .containsPattern("(//|#) end::" + Pattern.quote(tag) + "\\[\\]");
                }
            }
        }
    }

    @Test
    void javaListingsAreCompiledExamples() throws IOException {
        for (String page : pageNames()) {
            Matcher listing = JAVA_LISTING.matcher(Files.readString(pages.resolve(page)));
            while (listing.find()) {
                assertThat(listing.group(1).lines().filter(line -> !line.isBlank()))
                        .as("a Java listing of %s is typed in the page; include a file of modules/ROOT/examples instead", page)
                        .allMatch(line -> line.startsWith("include::example$"));
            }
        }
    }

    @Test
    void everyJavaExampleIsShown() throws IOException {
        Set<String> included = new HashSet<>();
        for (String page : pageNames()) {
            Matcher include = INCLUDE_EXAMPLE.matcher(Files.readString(pages.resolve(page)));
            while (include.find()) {
                included.add(include.group(1));
            }
        }
        try (Stream<Path> files = Files.walk(examples)) {
            assertThat(files.filter(f -> f.toString().endsWith(".java")).map(f -> examples.relativize(f).toString()))
                    .as("examples no page includes").isNotEmpty().allSatisfy(f -> assertThat(included).contains(f));
        }
    }

    private List<String> pageNames() throws IOException {
        try (Stream<Path> files = Files.list(pages)) {
            return files.filter(f -> f.toString().endsWith(".adoc")).map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static Set<String> ids(String page) {
        Set<String> ids = new HashSet<>();
        Matcher id = EXPLICIT_ID.matcher(page);
        while (id.find()) {
            ids.add(id.group(1) != null ? id.group(1) : id.group(2));
        }
        return ids;
    }

    private static List<String> tags(String attributes) {
        List<String> tags = new ArrayList<>();
        for (String attribute : attributes.split(",")) {
            String[] nameValue = attribute.trim().split("=", 2);
            if (nameValue.length == 2 && (nameValue[0].equals("tag") || nameValue[0].equals("tags"))) {
                for (String tag : nameValue[1].replace("\"", "").split(";")) {
                    if (!tag.isBlank() && !tag.startsWith("!") && !tag.equals("**") && !tag.equals("*")) {
                        tags.add(tag.trim());
                    }
                }
            }
        }
        return tags;
    }
}
