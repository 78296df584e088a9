package dev.jinfra.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps}, which Ansible's {@code to_json} and {@code to_nice_json} call: keys in the map's
 * order unless sorted, {@code ", "} and {@code ": "} between items on one line, {@code ","} at line ends when
 * indented, text outside ASCII escaped ({@code "caf\u00e9"}), floats as Python writes them.
 */
final class PythonJson {
    private final Integer indent;
    private final boolean sortKeys;
    private final boolean ensureAscii;
    private final String itemSeparator;

    /**
     * @param indent spaces per level, or null for one line
     * @param sortKeys keys in sorted order instead of the map's
     * @param ensureAscii text outside ASCII written as {@code \\uXXXX}
     */
    PythonJson(Integer indent, boolean sortKeys, boolean ensureAscii) {
        this.indent = indent;
        this.sortKeys = sortKeys;
        this.ensureAscii = ensureAscii;
        this.itemSeparator = indent == null ? ", " : ",";
    }

    String dumps(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.toString();
    }

    private void write(Object value, StringBuilder out, int level) {
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b);
            case Double d -> out.append(jsonFloat(d));
            case Float f -> out.append(jsonFloat(f.doubleValue()));
            case Number n -> out.append(n);
            case Map<?, ?> m -> {
                List<Map.Entry<String, Object>> entries = new ArrayList<>();
                m.forEach((k, v) -> entries.add(Map.entry(key(k), v == null ? NULL : v)));
                if (sortKeys) {
                    entries.sort(Map.Entry.comparingByKey());
                }
                container(entries, '{', '}', out, level, (e, o) -> {
                    string(e.getKey(), o);
                    o.append(": ");
                    write(e.getValue() == NULL ? null : e.getValue(), o, level + 1);
                });
            }
            case Map.Entry<?, ?> e -> write(Tuple.of(e.getKey(), e.getValue()), out, level);
            case Iterable<?> items -> {
                List<Object> list = new ArrayList<>();
                items.forEach(list::add);
                container(list, '[', ']', out, level, (item, o) -> write(item, o, level + 1));
            }
            default -> string(value.toString(), out);
        }
    }

    // Map.entry refuses null values.
    private static final Object NULL = new Object();

    private <T> void container(
            List<T> items,
            char open,
            char close,
            StringBuilder out,
            int level,
            java.util.function.BiConsumer<T, StringBuilder> each) {
        out.append(open);
        if (items.isEmpty()) {
            out.append(close);
            return;
        }
        String sep = "";
        for (T item : items) {
            out.append(sep);
            newline(out, level + 1);
            each.accept(item, out);
            sep = itemSeparator;
        }
        newline(out, level);
        out.append(close);
    }

    private void newline(StringBuilder out, int level) {
        if (indent != null) {
            out.append('\n').append(" ".repeat(indent * level));
        }
    }

    /** Python turns keys into text: numbers as written, {@code true}, {@code null}. */
    private static String key(Object k) {
        return switch (k) {
            case null -> "null";
            case Boolean b -> b.toString();
            case Double d -> PythonStyle.floatText(d);
            default -> k.toString();
        };
    }

    private static String jsonFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return PythonStyle.floatText(d);
    }

    private void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || (ensureAscii && c > 0x7e)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
