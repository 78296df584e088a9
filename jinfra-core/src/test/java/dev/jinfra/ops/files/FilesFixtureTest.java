package dev.jinfra.ops.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinfra.deploy.Arg;
import dev.jinfra.deploy.Fact;
import dev.jinfra.deploy.FactSource;
import dev.jinfra.deploy.Operation;
import dev.jinfra.deploy.Plan;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The generic fixture runner, over the file operations and facts only and building them from
 * {@link FilesCatalog} until that is merged into the main catalog.
 */
class FilesFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> operations() throws Exception {
        return cases("operations", FilesCatalog.OPERATIONS.keySet())
                .map(file -> DynamicTest.dynamicTest(label(file), () -> runOperationCase(file)));
    }

    @TestFactory
    Stream<DynamicTest> facts() throws Exception {
        return cases("facts", FilesCatalog.FACTS.keySet())
                .map(file -> DynamicTest.dynamicTest(label(file), () -> runFactCase(file)));
    }

    private static void runOperationCase(Path file) throws IOException {
        JsonNode c = JSON.readTree(file.toFile());
        String name = file.getParent().getFileName().toString();
        Map<String, Object> args = JSON.convertValue(c.path("args"), Map.class);
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
        Fact<?> fact = fact(name, JSON.convertValue(c.path("args"), Map.class));
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
            public <T> T get(Fact<T> fact) {
                for (JsonNode f : list) {
                    Fact<?> listed = fact(f.get("fact").asText(), JSON.convertValue(f.path("args"), Map.class));
                    if (listed.equals(fact)) {
                        return (T) convert(f.get("value"), valueType(fact));
                    }
                }
                throw new AssertionError("the fixture does not give the fact " + fact);
            }
        };
    }

    private static Operation operation(String name, Map<String, ?> args) {
        return (Operation) create(name, FilesCatalog.OPERATIONS.get(name), args);
    }

    private static Fact<?> fact(String name, Map<String, ?> args) {
        Class<? extends Record> type = FilesCatalog.FACTS.get(name);
        if (type == null) {
            throw new AssertionError("not a file fact: " + name);
        }
        return (Fact<?>) create(name, type, args);
    }

    // Catalog's way of building a record from named arguments; goes away when FilesCatalog is merged.
    private static Object create(String name, Class<? extends Record> type, Map<String, ?> args) {
        RecordComponent[] components = type.getRecordComponents();
        Set<String> known = new TreeSet<>(Arrays.stream(components).map(RecordComponent::getName).toList());
        for (String given : args.keySet()) {
            if (!known.contains(given)) {
                throw new IllegalArgumentException(name + ": unknown argument '" + given + "'; arguments: " + known);
            }
        }
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            Arg doc = c.getAnnotation(Arg.class);
            Object raw = args.get(c.getName());
            if (raw == null && doc != null && !doc.defaultValue().isEmpty()) {
                raw = doc.defaultValue();
            }
            if (raw == null && doc != null && doc.required()) {
                throw new IllegalArgumentException(name + ": argument '" + c.getName() + "' is required");
            }
            values[i] = convert(name, c, raw);
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + name, e);
        }
    }

    private static Object convert(String name, RecordComponent c, Object raw) {
        Class<?> t = c.getType();
        if (raw == null) {
            return t == boolean.class ? (Object) false : null;
        }
        if (t == String.class) {
            return raw.toString();
        }
        if (t == boolean.class) {
            return switch (raw.toString().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "1" -> true;
                case "false", "no", "0" -> false;
                default -> throw new IllegalArgumentException(name + ": " + c.getName() + " must be true or false, not '" + raw + "'");
            };
        }
        throw new IllegalStateException(name + ": unsupported argument type " + t.getSimpleName() + " of " + c.getName());
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

    private static Stream<Path> cases(String kind, Set<String> names) throws IOException, URISyntaxException {
        Path root = Path.of(FilesFixtureTest.class.getResource("/" + kind).toURI());
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
