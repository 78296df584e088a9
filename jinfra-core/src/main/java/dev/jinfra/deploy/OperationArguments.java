package dev.jinfra.deploy;

import dev.jinfra.api.Arg;
import dev.jinfra.api.ArgValues;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Operation;
import dev.jinfra.command.Secret;
import dev.jinfra.inventory.RunHosts;
import dev.jinfra.ops.files.Template;
import dev.jinfra.ops.server.ScriptTemplate;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An operation record's arguments by name while deploy code gives them one at a time, as the command line does
 * ({@code files.directory("/srv/app").owner("app").arg("recursive", true)}). Each argument is checked against
 * the record's components when it is given; the record is built once they are all in, so arguments that only
 * make sense together (no target for a link that is to be absent) may come in any order.
 */
final class OperationArguments {
    private final Class<? extends Record> type;
    private final String operation;
    private final RecordComponent[] components;
    private final Shape shape;
    private final Object[] values;

    private OperationArguments(Class<? extends Record> type, Object[] values) {
        this.type = type;
        this.shape = SHAPES.get(type);
        this.operation = shape.operation();
        this.components = shape.components();
        this.values = values;
    }

    /** Every argument at its default, the way the command line starts. */
    static OperationArguments defaults(Class<? extends Record> type) {
        requireOperation(type);
        return new OperationArguments(type, SHAPES.get(type).defaults().clone());
    }

    /** The arguments of an operation already built, to change some of them. */
    static OperationArguments of(Operation built) {
        Class<?> type = built.getClass();
        if (!type.isRecord() || !type.isAnnotationPresent(Doc.class)) {
            throw new IllegalArgumentException(built.describe() + " takes no arguments by name");
        }
        Class<? extends Record> record = type.asSubclass(Record.class);
        requireOperation(record);
        RecordComponent[] components = SHAPES.get(record).components();
        Object[] values = new Object[components.length];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = components[i].getAccessor().invoke(built);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read the arguments of " + built.describe(), e);
            }
        }
        return new OperationArguments(record, values);
    }

    /**
     * What reflection tells of an operation record, read once per type: deploy code registers each operation once
     * per host, and reading annotations, components and defaults each time was a visible share of a 1,000-host
     * run's CPU. The defaults are immutable values, shared by every registration.
     */
    private record Shape(
            String operation,
            RecordComponent[] components,
            Object[] defaults,
            boolean[] required,
            java.lang.reflect.Constructor<?> constructor) {}

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            String name = type.getAnnotation(Doc.class).name();
            RecordComponent[] components = type.getRecordComponents();
            Object[] defaults = new Object[components.length];
            boolean[] required = new boolean[components.length];
            for (int i = 0; i < components.length; i++) {
                Object value = ArgValues.defaultOf(name, components[i]);
                defaults[i] = value instanceof List<?> list ? List.copyOf(list) : value;
                Arg arg = components[i].getAnnotation(Arg.class);
                required[i] = arg != null && arg.required();
            }
            Class<?>[] types =
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                return new Shape(name, components, defaults, required, type.getDeclaredConstructor(types));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(name + " has no canonical constructor", e);
            }
        }
    };

    private static void requireOperation(Class<? extends Record> type) {
        Doc doc = type.getAnnotation(Doc.class);
        if (doc == null || !Operation.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type.getName() + " is not an operation (a record with @Doc)");
        }
    }

    String operation() {
        return operation;
    }

    Class<? extends Record> type() {
        return type;
    }

    /**
     * Sets one argument. {@code shorthand} is the method that stands for it ({@code absent()}), for the message
     * when the operation has no such argument; null for {@code arg(..)} itself.
     */
    void set(String name, Object value, String shorthand) {
        int i = indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(operation + " has no argument '" + name + "'"
                    + (shorthand == null ? "" : " (" + shorthand + " sets it)") + "; its arguments: " + names());
        }
        Object checked = checked(components[i], value);
        // A script template's variables from deploy code sit over the host's data, as server.scriptTemplate puts
        // them: it sees the same names however vars was given.
        if (type == ScriptTemplate.class && name.equals("vars")) {
            Map<String, ?> own = checked == null ? Map.of() : asTextKeys((Map<?, ?>) checked);
            checked = Template.variables(PrepareContext.host(), own);
        }
        values[i] = checked;
        if (type == Template.class && name.equals("vars")) {
            templateVars = checked == null ? Map.of() : asTextKeys((Map<?, ?>) checked);
        }
        if (type == Template.class && (name.equals("vars") || name.equals("ansible"))) {
            fillTemplateVariables();
        }
    }

    /**
     * A template's variables from deploy code always sit over the host's data, as files.template(src, dest, vars)
     * puts them: a template sees the same names however vars was given. Ansible's environment, unless the deploy
     * chose, is that of hosts from an Ansible inventory; its magic variables are added then.
     */
    private void fillTemplateVariables() {
        if (templateVars == null) {
            return;
        }
        int flag = indexOf("ansible");
        RunHosts run = PrepareContext.runHosts();
        boolean ansible = values[flag] == null ? run.inventory().ansible() : (Boolean) values[flag];
        values[flag] = ansible;
        values[indexOf("vars")] = Template.variables(PrepareContext.host(), run, templateVars, ansible);
    }

    // The deploy's own variables of a files.template, before the host's data is laid under them.
    private Map<String, ?> templateVars;

    /** The record, with the message of the record's own check when the arguments do not go together. */
    Operation build() {
        for (int i = 0; i < components.length; i++) {
            if (values[i] == null && shape.required()[i]) {
                throw new IllegalArgumentException(
                        operation + ": argument '" + components[i].getName() + "' is required");
            }
        }
        try {
            return (Operation) shape.constructor().newInstance(values.clone());
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException problem) {
                throw problem;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalArgumentException(operation + ": " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + operation, e);
        }
    }

    private int indexOf(String name) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private String names() {
        return Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.joining(", "));
    }

    private Object checked(RecordComponent c, Object value) {
        Class<?> t = c.getType();
        boolean fits;
        if (value == null) {
            fits = !t.isPrimitive();
        } else if (t == boolean.class || t == Boolean.class) {
            fits = value instanceof Boolean;
        } else if (t == int.class || t == Integer.class) {
            fits = value instanceof Integer;
        } else if (t == List.class) {
            // Every list argument is a list of text (packages, groups, options ...).
            fits = value instanceof List<?> list && list.stream().allMatch(x -> x instanceof String);
        } else if (t == Map.class) {
            fits = value instanceof Map<?, ?> map && map.keySet().stream().allMatch(k -> k instanceof String);
        } else if (t == Secret.class && value instanceof String text) {
            // A password given as plain text in deploy code is held as a secret from here on.
            return new Secret(text);
        } else {
            fits = t.isInstance(value);
        }
        if (!fits) {
            throw new IllegalArgumentException(
                    operation + ": argument '" + c.getName() + "' takes " + expected(t) + ", not " + given(value));
        }
        return value instanceof List<?> list ? List.copyOf(list) : value;
    }

    /** What a component takes, in the words of the reference. */
    private static String expected(Class<?> t) {
        if (t == String.class) {
            return "text or null";
        }
        if (t == boolean.class) {
            return "true or false";
        }
        if (t == Boolean.class) {
            return "true, false or null";
        }
        if (t == int.class) {
            return "a whole number (int)";
        }
        if (t == Integer.class) {
            return "a whole number (Integer) or null";
        }
        if (t == List.class) {
            return "a list of text, e.g. List.of(\"a\", \"b\")";
        }
        if (t == Map.class) {
            return "a map with text keys";
        }
        if (t == Secret.class) {
            return "a Secret or text";
        }
        return t.getSimpleName();
    }

    private static Map<String, Object> asTextKeys(Map<?, ?> map) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> out.put((String) k, v));
        return out;
    }

    /** A value as a message shows it: the text "yes", 5 (Long), a list holding 7 (Integer). */
    private static String given(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "the text \"" + s + "\"";
        }
        if (value instanceof List<?> list) {
            Object odd = list.stream()
                    .filter(x -> !(x instanceof String))
                    .findFirst()
                    .orElse(null);
            return "a list holding " + given(odd);
        }
        if (value instanceof Map<?, ?>) {
            return "a map with a key that is not text";
        }
        return value + " (" + value.getClass().getSimpleName() + ")";
    }
}
