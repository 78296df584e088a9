package dev.jinfra.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Renders every {@code templates/cases/<name>.j2} and compares with {@code <name>.expected}, which real Jinja2
 * produced ({@code templates/generate.py}). A case Jinja2 rejects has {@code <name>.error} instead, starting
 * with the line Jinja2 named; it must be rejected here on the same line (the messages are jinfra's own). Cases
 * in {@code known-differences.txt} must still differ, so the list cannot go stale: a case that starts to match
 * fails until it is taken off the list.
 */
class TemplateCompatibilityTest {
    private static final TemplateRenderer RENDERER = new TemplateRenderer();

    @TestFactory
    Stream<DynamicTest> casesMatchJinja2() throws Exception {
        Path root = Path.of(getClass().getResource("/templates").toURI());
        @SuppressWarnings("unchecked")
        Map<String, Object> vars =
                new ObjectMapper().readValue(root.resolve("vars.json").toFile(), Map.class);
        Map<String, String> known = knownDifferences(root.resolve("known-differences.txt"));
        try (Stream<Path> files = Files.list(root.resolve("cases"))) {
            var cases = files.filter(f -> f.toString().endsWith(".j2")).sorted().toList();
            assertThat(cases.stream().map(TemplateCompatibilityTest::name).toList())
                    .as("known differences name existing cases")
                    .containsAll(known.keySet());
            return cases.stream().map(c -> DynamicTest.dynamicTest(name(c), () -> check(c, vars, known)));
        }
    }

    private static void check(Path template, Map<String, Object> vars, Map<String, String> known) throws IOException {
        Path error = template.resolveSibling(name(template) + ".error");
        String expected = Files.exists(error)
                ? "<error> line " + jinja2Line(error)
                : Files.readString(template.resolveSibling(name(template) + ".expected"), StandardCharsets.UTF_8);
        String actual;
        try {
            actual = RENDERER.render(template, vars);
        } catch (TemplateException e) {
            actual = "<error> line " + e.line();
        }
        if (known.containsKey(name(template))) {
            assertThat(actual)
                    .as("listed in known-differences.txt but now matches Jinja2")
                    .isNotEqualTo(expected);
        } else {
            assertThat(actual).isEqualTo(expected);
        }
    }

    /** The line number in an {@code .error} file: {@code line 3: unexpected '}'}. */
    private static int jinja2Line(Path error) throws IOException {
        String text = Files.readString(error, StandardCharsets.UTF_8);
        return Integer.parseInt(text.substring("line ".length(), text.indexOf(':')));
    }

    /** Lines {@code name: reason}; blank lines and {@code #} comments are skipped. */
    private static Map<String, String> knownDifferences(Path file) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return out;
    }

    private static String name(Path template) {
        return template.getFileName().toString().replaceFirst("\\.j2$", "");
    }
}
