package dev.jinfra.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Map;
import java.util.TreeMap;

/**
 * Jinja2's {@code tojson}: Python's {@code json.dumps} with sorted keys and {@code ", "}/{@code ": "} separators,
 * and {@code < > & '} escaped so the output is safe inside HTML. Jinjava's own version keeps insertion order
 * and writes no spaces.
 */
final class JsonFilter implements Filter {
    @Override
    public String getName() {
        return "tojson";
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        StringBuilder out = new StringBuilder();
        write(var, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b);
            case Number n -> out.append(PythonStyle.repr(n));
            case Map<?, ?> m -> {
                out.append('{');
                String sep = "";
                for (var e : new TreeMap<>(stringKeys(m)).entrySet()) {
                    out.append(sep);
                    string(e.getKey(), out);
                    out.append(": ");
                    write(e.getValue(), out);
                    sep = ", ";
                }
                out.append('}');
            }
            case Iterable<?> items -> {
                out.append('[');
                String sep = "";
                for (Object item : items) {
                    out.append(sep);
                    write(item, out);
                    sep = ", ";
                }
                out.append(']');
            }
            default -> string(value.toString(), out);
        }
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\'' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20 || c > 0x7e) {
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
