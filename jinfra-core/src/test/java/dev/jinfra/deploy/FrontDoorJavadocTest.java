package dev.jinfra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.api.Doc;
import dev.jinfra.catalog.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc of every front-door method states its operation's {@code @Doc} summary, the text the reference
 * and {@code jinfra help} show, so the three cannot drift apart. Read from the sources, where the comments are.
 */
class FrontDoorJavadocTest {
    // A doc comment and the front-door method right after it: public FilesDirectoryCall directory(
    private static final Pattern METHOD = Pattern.compile(
            "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@Deprecated\\s*)?public (\\w+Call) (\\w+)\\(", Pattern.DOTALL);

    @Test
    void everyFrontDoorMethodsJavadocStatesItsOperationsSummary() throws IOException {
        Path deploy = Path.of(System.getProperty("jinfra.repo.root", ".."))
                .resolve("jinfra-core/src/main/java/dev/jinfra/deploy");
        List<String> drifted = new ArrayList<>();
        int methods = 0;
        try (var files = Files.list(deploy)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith("Operations.java"))
                    .toList()) {
                String type = file.getFileName().toString().replace("Operations.java", "");
                String family = type.toLowerCase(Locale.ROOT);
                Matcher m = METHOD.matcher(Files.readString(file));
                while (m.find()) {
                    methods++;
                    String operation = family + "." + m.group(3);
                    String summary = summaryOf(operation);
                    if (summary == null || !words(m.group(1)).contains(words(summary))) {
                        drifted.add(file.getFileName() + ": " + m.group(3) + "(..) does not state the summary of "
                                + operation + ": " + summary);
                    }
                }
            }
        }
        assertThat(methods).isGreaterThan(100);
        assertThat(drifted).isEmpty();
    }

    private static String summaryOf(String operation) {
        Class<? extends Record> type = Catalog.operationTypes().get(operation);
        return type == null ? null : type.getAnnotation(Doc.class).value();
    }

    /** Text without comment markers, with single spaces: a comment wraps a summary over several lines. */
    private static String words(String text) {
        return text.replaceAll("(?m)^\\s*\\*", " ").replaceAll("\\s+", " ").strip();
    }
}
