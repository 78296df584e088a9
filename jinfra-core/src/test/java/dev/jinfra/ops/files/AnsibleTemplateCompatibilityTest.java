package dev.jinfra.ops.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.Inventory;
import dev.jinfra.inventory.InventoryLoader;
import dev.jinfra.inventory.RunHosts;
import dev.jinfra.template.TemplateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Renders every {@code templates/ansible/cases/<name>.j2} as a deploy's {@code files.template} does for host
 * web1.example.com of {@code templates/ansible/inventory.yml} (read by jinfra's own inventory loader), with
 * {@code vars.json} as the deploy's variables, and compares with {@code <name>.expected}, which real Ansible's
 * template module produced ({@code templates/ansible/generate.py}). A case Ansible rejects has {@code <name>.error}
 * instead and must be rejected here too. Cases in {@code known-differences.txt} must still differ, so the list
 * cannot go stale.
 */
class AnsibleTemplateCompatibilityTest {
    @TestFactory
    Stream<DynamicTest> casesMatchAnsible() throws Exception {
        Path root = Path.of(getClass().getResource("/templates/ansible").toURI());
        Inventory inventory = InventoryLoader.load(root.resolve("inventory.yml"));
        Host host = inventory.host("web1.example.com").orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> own =
                new ObjectMapper().readValue(root.resolve("vars.json").toFile(), Map.class);
        // The play of generate.py runs on this one host.
        RunHosts play = new RunHosts(inventory, List.of(host.name()), List.of(host.name()));
        Map<String, Object> vars = Template.variables(host, play, own, true);
        Map<String, String> known = knownDifferences(root.resolve("known-differences.txt"));
        try (Stream<Path> files = Files.list(root.resolve("cases"))) {
            var cases = files.filter(f -> f.toString().endsWith(".j2")).sorted().toList();
            assertThat(cases.stream()
                            .map(AnsibleTemplateCompatibilityTest::name)
                            .toList())
                    .as("known differences name existing cases")
                    .containsAll(known.keySet());
            return cases.stream().map(c -> DynamicTest.dynamicTest(name(c), () -> check(c, vars, known)));
        }
    }

    private static void check(Path template, Map<String, Object> vars, Map<String, String> known) throws IOException {
        Path error = template.resolveSibling(name(template) + ".error");
        String expected = Files.exists(error)
                ? "<error>"
                : Files.readString(template.resolveSibling(name(template) + ".expected"), StandardCharsets.UTF_8);
        String actual;
        String problem = "";
        try {
            actual = new String(
                    new Template(template.toString(), "/etc/app.conf", null, null, null, vars, true).render(),
                    StandardCharsets.UTF_8);
        } catch (TemplateException e) {
            assertThat(e.getMessage()).as("one line").doesNotContain("\n").doesNotContain("Exception");
            actual = "<error>";
            problem = e.getMessage();
        }
        if (known.containsKey(name(template))) {
            assertThat(actual)
                    .as("listed in known-differences.txt but now matches Ansible")
                    .isNotEqualTo(expected);
        } else {
            assertThat(actual).as(problem).isEqualTo(expected);
        }
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
