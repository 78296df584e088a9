package dev.jinfra.ops.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinfra.deploy.Fact;
import dev.jinfra.deploy.FactSource;
import dev.jinfra.deploy.Operation;
import dev.jinfra.deploy.Plan;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
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
 * The fixtures of the server and apt operations and their facts, in the same format as the main fixture test
 * ({@code operations/<op>/<case>.json}, {@code facts/<Fact>/<case>.json}), built from {@link ServerCatalog}.
 */
class ServerFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> operations() throws Exception {
        return cases("operations", ServerCatalog.OPERATIONS.keySet().stream().toList())
                .map(file -> DynamicTest.dynamicTest(label(file), () -> runOperationCase(file)));
    }

    @TestFactory
    Stream<DynamicTest> facts() throws Exception {
        return cases("facts", ServerCatalog.FACTS.keySet().stream().toList())
                .map(file -> DynamicTest.dynamicTest(label(file), () -> runFactCase(file)));
    }

    private static Operation operation(String name, Map<String, Object> args) {
        return (Operation) ServerCatalogHelper.create(ServerCatalog.OPERATIONS, name, args);
    }

    private static Fact<?> fact(String name, Map<String, Object> args) {
        return (Fact<?>) ServerCatalogHelper.create(ServerCatalog.FACTS, name, args);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> args(JsonNode node) {
        return JSON.convertValue(node, Map.class);
    }

    private static void runOperationCase(Path file) throws IOException {
        JsonNode c = JSON.readTree(file.toFile());
        String name = file.getParent().getFileName().toString();
        Map<String, Object> args = args(c.path("args"));
        if (c.has("error") && !c.has("facts")) {
            assertThatThrownBy(() -> operation(name, args)).hasMessage(c.get("error").asText());
            return;
        }
        Operation op = operation(name, args);
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
            List<String> expected = new ArrayList<>();
            c.get("commands").forEach(n -> expected.add(n.asText()));
            assertThat(plan.commands().stream().map(Object::toString).toList()).containsExactlyElementsOf(expected);
        }
    }

    private static void runFactCase(Path file) throws IOException {
        JsonNode c = JSON.readTree(file.toFile());
        String name = file.getParent().getFileName().toString();
        Fact<?> fact = fact(name, args(c.path("args")));
        if (c.has("command")) {
            assertThat(fact.command().render()).isEqualTo(c.get("command").asText());
        }
        int exit = c.path("exit_code").asInt(0);
        Object value = exit == 0 ? fact.parse(c.path("output").asText()) : fact.absent();
        assertThat(value).isEqualTo(convert(c.get("value"), valueType(fact)));
    }

    private static FactSource fixtureFacts(JsonNode list) {
        return new FactSource() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get(Fact<T> wanted) {
                for (JsonNode f : list) {
                    Fact<?> listed = fact(f.get("fact").asText(), args(f.path("args")));
                    if (listed.equals(wanted)) {
                        return (T) convert(f.get("value"), valueType(wanted));
                    }
                }
                throw new AssertionError("the fixture does not give the fact " + wanted);
            }
        };
    }

    private static Type valueType(Fact<?> fact) {
        for (Type t : fact.getClass().getGenericInterfaces()) {
            if (t instanceof ParameterizedType p && p.getRawType() == Fact.class) {
                return p.getActualTypeArguments()[0];
            }
        }
        throw new IllegalStateException("no Fact<T> on " + fact.getClass());
    }

    private static Object convert(JsonNode value, Type type) {
        if (value == null || value.isNull()) {
            return null;
        }
        return JSON.convertValue(value, JSON.getTypeFactory().constructType(type));
    }

    /** Only the directories named in the server catalog; the rest belong to the main fixture test. */
    private static Stream<Path> cases(String kind, List<String> names) throws IOException, URISyntaxException {
        Path root = Path.of(ServerFixtureTest.class.getResource("/" + kind).toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .filter(f -> names.contains(f.getParent().getFileName().toString()))
                    .sorted().toList().stream();
        }
    }

    private static String label(Path file) {
        return file.getParent().getFileName() + "/" + file.getFileName().toString().replace(".json", "");
    }
}
