package dev.jinfra.ops.server;

import dev.jinfra.deploy.Arg;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds records from {@link ServerCatalog} by named arguments, the way the main catalog does; a stand-in until
 * ServerCatalog is merged into it, so it follows the main catalog's rules and messages.
 */
final class ServerCatalogHelper {
    private ServerCatalogHelper() {}

    static Object create(Map<String, Class<? extends Record>> catalog, String name, Map<String, ?> args) {
        Class<? extends Record> type = catalog.get(name);
        if (type == null) {
            throw new IllegalArgumentException("unknown '" + name + "'; known: " + new TreeSet<>(catalog.keySet()));
        }
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
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalArgumentException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + name, e);
        }
    }

    private static Object convert(String name, RecordComponent c, Object raw) {
        Class<?> t = c.getType();
        if (raw == null) {
            return t == boolean.class ? false : t == int.class ? 0 : t == List.class ? List.of() : null;
        }
        if (t == String.class) {
            return raw.toString();
        }
        if (t == boolean.class || t == Boolean.class) {
            return switch (raw.toString().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> true;
                case "false", "no", "0" -> false;
                default -> throw new IllegalArgumentException(name + ": " + c.getName() + " must be true or false, not '" + raw + "'");
            };
        }
        if (t == int.class || t == Integer.class) {
            try {
                return raw instanceof Number n ? n.intValue() : Integer.parseInt(raw.toString().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": " + c.getName() + " must be a whole number, not '" + raw + "'");
            }
        }
        if (t == List.class) {
            List<String> out = new ArrayList<>();
            if (raw instanceof Iterable<?> items) {
                items.forEach(x -> out.add(String.valueOf(x)));
            } else {
                Arrays.stream(raw.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
            }
            return out;
        }
        throw new IllegalStateException(name + ": unsupported argument type " + t.getSimpleName() + " of " + c.getName());
    }
}
