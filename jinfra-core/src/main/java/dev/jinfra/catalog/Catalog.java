package dev.jinfra.catalog;

import dev.jinfra.api.Arg;
import dev.jinfra.api.ArgValues;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.api.Operation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Operations and facts by name ({@code files.directory}, {@code DirectoryInfo}), built from named arguments
 * by their record components: the way the command line and test fixtures create them.
 */
public final class Catalog {
    private Catalog() {}

    private static final Map<String, Class<? extends Record>> OPERATIONS = new LinkedHashMap<>();
    private static final Map<String, Class<? extends Record>> FACTS = new LinkedHashMap<>();
    // Shorter names the command line accepts too ("fact File path=..."); the reference lists them once each.
    private static final Map<String, String> FACT_ALIASES = new LinkedHashMap<>();

    static {
        // Each operation and fact names itself in its @Doc; a name taken twice is a mistake caught here.
        for (Class<? extends Record> type : OperationIndex.records()) {
            Doc doc = type.getAnnotation(Doc.class);
            boolean operation = Operation.class.isAssignableFrom(type);
            String name = doc.name().isEmpty() ? type.getSimpleName() : doc.name();
            if (operation && !name.contains(".")) {
                throw new IllegalStateException(
                        type.getName() + ": an operation's @Doc needs a name like files.directory");
            }
            Map<String, Class<? extends Record>> into = operation ? OPERATIONS : FACTS;
            Class<? extends Record> before = into.put(name, type);
            if (before != null) {
                throw new IllegalStateException("two " + (operation ? "operations" : "facts") + " named " + name + ": "
                        + before.getName() + " and " + type.getName());
            }
            for (String alias : doc.aliases()) {
                FACT_ALIASES.put(alias, name);
            }
        }
    }

    public static Set<String> operationNames() {
        return new TreeSet<>(OPERATIONS.keySet());
    }

    public static Set<String> factNames() {
        Set<String> names = new TreeSet<>(FACTS.keySet());
        names.addAll(FACT_ALIASES.keySet());
        return names;
    }

    /** Other names of facts, each to the name it stands for, sorted. */
    public static Map<String, String> factAliases() {
        return new java.util.TreeMap<>(FACT_ALIASES);
    }

    /** Operation records by name, sorted by name. */
    public static Map<String, Class<? extends Record>> operationTypes() {
        return new java.util.TreeMap<>(OPERATIONS);
    }

    /** Fact records by name, sorted by name. */
    public static Map<String, Class<? extends Record>> factTypes() {
        return new java.util.TreeMap<>(FACTS);
    }

    public static Operation operation(String name, Map<String, ?> args) {
        Class<? extends Record> type = OPERATIONS.get(name);
        if (type == null) {
            throw new IllegalArgumentException(unknown("operation", name, operationNames(), "operations"));
        }
        return (Operation) create(name, type, args);
    }

    public static Fact<?> fact(String name, Map<String, ?> args) {
        Class<? extends Record> type = FACTS.get(FACT_ALIASES.getOrDefault(name, name));
        if (type == null) {
            throw new IllegalArgumentException(unknown("fact", name, factNames(), "facts"));
        }
        return (Fact<?>) create(name, type, args);
    }

    /** One line for a name nobody registered: the near ones if any, and where the whole list is. */
    private static String unknown(String kind, String name, Set<String> known, String list) {
        List<String> meant = OperationHelp.closest(name, known);
        return "unknown " + kind + " '" + name + "'"
                + (meant.isEmpty() ? "" : "; did you mean " + String.join(" or ", meant) + "?")
                + " (jinfra help " + list + " lists them)";
    }

    private static Object create(String name, Class<? extends Record> type, Map<String, ?> givenArgs) {
        Map<String, ?> args = givenArgs == null ? Map.of() : givenArgs;
        RecordComponent[] components = type.getRecordComponents();
        Set<String> known = new TreeSet<>(
                Arrays.stream(components).map(RecordComponent::getName).toList());
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
            values[i] = ArgValues.of(name, c, raw);
        }
        try {
            Constructor<? extends Record> ctor = type.getDeclaredConstructor(types);
            return ctor.newInstance(values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re
                    ? re
                    : new IllegalArgumentException(name + ": " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + name, e);
        }
    }
}
