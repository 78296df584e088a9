package dev.jinfra.template;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Values as Jinja2 prints them, which is Python's {@code str()}: {@code True}/{@code False}, {@code None},
 * lists and dicts with quoted strings. Templates written for pyinfra or Ansible rely on this (e.g.
 * {@code enabled = {{ flag }}} in a config read by a Python program).
 */
final class PythonStyle {
    private PythonStyle() {}

    /** {@code str(value)}: strings as they are, everything else as its Python form. */
    static String str(Object value) {
        return value instanceof CharSequence s ? s.toString() : repr(value);
    }

    /** {@code repr(value)}: how a value looks inside a printed list or dict. */
    static String repr(Object value) {
        return switch (value) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case CharSequence s -> quote(s.toString());
            case Double d -> floatText(d);
            case Float f -> floatText(f.doubleValue());
            case Map<?, ?> m ->
                join(m.entrySet().iterator(), "{", "}", e -> repr(e.getKey()) + ": " + repr(e.getValue()));
            case Collection<?> c -> join(c.iterator(), "[", "]", PythonStyle::repr);
            default -> String.valueOf(value);
        };
    }

    // Python writes whole floats with ".0" and uses exponents only outside 1e-4..1e16.
    private static String floatText(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return (long) d + ".0";
        }
        return Double.toString(d);
    }

    private static String quote(String s) {
        // Python prefers single quotes and switches to double quotes when the text has a single quote only.
        if (s.contains("'") && !s.contains("\"")) {
            return "\"" + s.replace("\\", "\\\\") + "\"";
        }
        return "'"
                + s.replace("\\", "\\\\")
                        .replace("'", "\\'")
                        .replace("\n", "\\n")
                        .replace("\t", "\\t") + "'";
    }

    private static <T> String join(
            Iterator<T> items, String open, String close, java.util.function.Function<T, String> each) {
        StringBuilder out = new StringBuilder(open);
        while (items.hasNext()) {
            out.append(each.apply(items.next()));
            if (items.hasNext()) {
                out.append(", ");
            }
        }
        return out.append(close).toString();
    }
}
