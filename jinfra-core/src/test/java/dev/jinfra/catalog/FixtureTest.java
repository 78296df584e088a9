package dev.jinfra.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinfra.api.Fact;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture under {@code operations/<operation>/<case>.json} (arguments and facts in, commands or a
 * no-change reason or an error out) and {@code facts/<Fact>/<case>.json} (command output in, value out).
 * Adding a case needs no Java.
 */
class FixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> operations() throws Exception {
        return cases("operations").map(file -> DynamicTest.dynamicTest(label(file), () -> runOperationCase(file)));
    }

    @TestFactory
    Stream<DynamicTest> facts() throws Exception {
        return cases("facts").map(file -> DynamicTest.dynamicTest(label(file), () -> runFactCase(file)));
    }

    private static void runOperationCase(Path file) throws IOException {
        JsonNode c = JSON.readTree(file.toFile());
        String name = file.getParent().getFileName().toString();
        Map<String, Object> args = JSON.convertValue(c.path("args"), Map.class);
        if (c.has("error") && !c.has("facts")) {
            assertThatThrownBy(() -> Catalog.operation(name, args))
                    .hasMessage(c.get("error").asText());
            return;
        }
        Operation op = Catalog.operation(name, args);
        FactSource facts = fixtureFacts(c.path("facts"));
        if (c.has("error")) {
            assertThatThrownBy(() -> op.plan(facts)).hasMessage(c.get("error").asText());
            return;
        }
        Plan plan = op.plan(facts);
        if (c.has("noop")) {
            assertThat(plan.commands()).isEmpty();
            assertThat(plan.noChangeReason()).isEqualTo(c.get("noop").asText());
        } else {
            assertMatches(plan.commands().stream().map(Object::toString).toList(), c.get("commands"));
            assertMatches(plan.uploads().stream().map(Object::toString).toList(), c.path("uploads"));
            assertMatches(plan.downloads().stream().map(Object::toString).toList(), c.path("downloads"));
        }
    }

    /** Expected texts may say {@code {random}} where a plan puts a random hex part (e.g. an upload's name). */
    private static void assertMatches(List<String> actual, JsonNode expected) {
        List<String> patterns = new ArrayList<>();
        expected.forEach(n -> patterns.add(n.asText()));
        assertThat(actual).hasSameSizeAs(patterns);
        for (int i = 0; i < patterns.size(); i++) {
            String regex = java.util.regex.Pattern.quote(patterns.get(i)).replace("{random}", "\\E[0-9a-f]+\\Q");
            assertThat(actual.get(i)).as("step %d", i + 1).matches(regex);
        }
    }

    private static void runFactCase(Path file) throws IOException {
        JsonNode c = JSON.readTree(file.toFile());
        String name = file.getParent().getFileName().toString();
        Fact<?> fact = Catalog.fact(name, JSON.convertValue(c.path("args"), Map.class));
        if (c.has("command")) {
            assertThat(fact.command().render()).isEqualTo(c.get("command").asText());
        }
        int exit = c.path("exit_code").asInt(0);
        Object value = fact.hasValue(exit) ? fact.parse(c.path("output").asText()) : fact.absent();
        assertThat(value).isEqualTo(dev.jinfra.testing.FactValues.of(c.get("value"), fact));
    }

    /** Facts as the fixture lists them; asking for one it does not list fails the case. */
    private static FactSource fixtureFacts(JsonNode list) {
        return new FactSource() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get(Fact<T> fact) {
                for (JsonNode f : list) {
                    Fact<?> listed = Catalog.fact(f.get("fact").asText(), JSON.convertValue(f.path("args"), Map.class));
                    if (listed.equals(fact)) {
                        return (T) dev.jinfra.testing.FactValues.of(f.get("value"), fact);
                    }
                }
                throw new AssertionError("the fixture does not give the fact " + fact);
            }
        };
    }

    private static Stream<Path> cases(String kind) throws IOException, URISyntaxException {
        Path root = Path.of(FixtureTest.class.getResource("/" + kind).toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    private static String label(Path file) {
        return file.getParent().getFileName() + "/"
                + file.getFileName().toString().replace(".json", "");
    }
}
