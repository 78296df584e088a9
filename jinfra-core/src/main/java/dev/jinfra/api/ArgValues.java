package dev.jinfra.api;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An argument's value from its text, one way for the command line ({@code name=value}), test fixtures and each
 * {@link Arg} default: so an argument left out means the same in deploy code as on the command line.
 */
public final class ArgValues {
    private ArgValues() {}

    /** What {@code c} of {@code operation}'s record is when it is not given: its {@link Arg} default, else empty. */
    public static Object defaultOf(String operation, RecordComponent c) {
        Arg doc = c.getAnnotation(Arg.class);
        return of(operation, c, doc == null || doc.defaultValue().isEmpty() ? null : doc.defaultValue());
    }

    /**
     * The value of {@code c} from {@code raw}: text from the command line or an {@link Arg} default, or what a
     * fixture's JSON holds (numbers, lists, maps). Null gives the empty value: false, 0, an empty list or map, or
     * null.
     */
    public static Object of(String name, RecordComponent c, Object raw) {
        Class<?> t = c.getType();
        if (raw == null) {
            if (t == boolean.class) {
                return false;
            }
            if (t == int.class) {
                return 0;
            }
            return t == List.class ? List.of() : t == Map.class ? Map.of() : null;
        }
        if (t == String.class) {
            return raw.toString();
        }
        if (t == dev.jinfra.command.Secret.class) {
            // A password from the command line or a fixture; one from host data may be a Secret already.
            return raw instanceof dev.jinfra.command.Secret s ? s : new dev.jinfra.command.Secret(raw.toString());
        }
        if (t == boolean.class || t == Boolean.class) {
            return switch (raw.toString().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "1" -> true;
                case "false", "no", "0" -> false;
                default ->
                    throw new IllegalArgumentException(
                            name + ": " + c.getName() + " must be true or false, not '" + raw + "'");
            };
        }
        if (t == int.class || t == Integer.class) {
            try {
                return raw instanceof Number n
                        ? n.intValue()
                        : Integer.parseInt(raw.toString().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        name + ": " + c.getName() + " must be a whole number, not '" + raw + "'");
            }
        }
        if (t == List.class) {
            List<String> out = new ArrayList<>();
            if (raw instanceof Iterable<?> items) {
                items.forEach(x -> out.add(String.valueOf(x)));
            } else {
                // From the command line: comma-separated.
                Arrays.stream(raw.toString().split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .forEach(out::add);
            }
            return out;
        }
        if (t == Map.class) {
            // Maps (e.g. template variables) come from deploy code or JSON fixtures; text has no map syntax.
            if (raw instanceof Map<?, ?> map) {
                return map;
            }
            throw new IllegalArgumentException(name + ": " + c.getName() + " must be a map, not '" + raw + "'");
        }
        throw new IllegalStateException(
                name + ": unsupported argument type " + t.getSimpleName() + " of " + c.getName());
    }
}
