package dev.jinfra.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A filter written as a function of its input and its arguments as Jinja2 passes them, positional and by
 * keyword ({@code combine(b, recursive=True)}), so that each of Ansible's filters is a few lines.
 */
record NamedFilter(String name, Body body) implements Filter {
    @FunctionalInterface
    interface Body {
        Object apply(Object value, Args args);
    }

    /** A filter's arguments: by position, or by name where Jinja2 allows either. */
    record Args(List<Object> positional, Map<String, Object> named) {
        /** The argument at {@code index}, else the one called {@code name}, else {@code fallback}. */
        Object get(int index, String name, Object fallback) {
            if (index >= 0 && index < positional.size()) {
                return positional.get(index);
            }
            return named.containsKey(name) ? named.get(name) : fallback;
        }

        String text(int index, String name, String fallback) {
            Object v = get(index, name, fallback);
            return v == null ? null : PythonStyle.str(v);
        }

        boolean flag(int index, String name) {
            return Truth.of(get(index, name, false));
        }

        Integer number(int index, String name, Integer fallback) {
            Object v = get(index, name, fallback);
            return v == null
                    ? null
                    : v instanceof Number n
                            ? n.intValue()
                            : Integer.parseInt(v.toString().strip());
        }

        int size() {
            return positional.size();
        }
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        return body.apply(var, new Args(Arrays.asList((Object[]) args), Map.of()));
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        return body.apply(var, new Args(Arrays.asList(args), kwargs == null ? Map.of() : kwargs));
    }

    /** Python's truth: None, False, 0, empty text and empty collections are false. */
    static final class Truth {
        private Truth() {}

        static boolean of(Object v) {
            return switch (v) {
                case null -> false;
                case Boolean b -> b;
                case Number n -> n.doubleValue() != 0;
                case CharSequence s -> !s.isEmpty();
                case java.util.Collection<?> c -> !c.isEmpty();
                case Map<?, ?> m -> !m.isEmpty();
                default -> true;
            };
        }
    }
}
