package dev.jinfra.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Jinja2's own filters where Jinjava's of the same name give something else. */
final class Jinja2Filters {
    private Jinja2Filters() {}

    static List<NamedFilter> all() {
        return List.of(map(), indent(), title());
    }

    /**
     * {@code title}: each word's first letter upper case and the rest lower, words starting after white space or
     * one of {@code -({[<}, as Jinja2 splits them ({@code web1-deploy} is {@code Web1-Deploy}); Jinjava's own starts
     * words after white space only.
     */
    private static NamedFilter title() {
        return new NamedFilter("title", (value, a) -> {
            String text = PythonStyle.str(value);
            StringBuilder out = new StringBuilder(text.length());
            boolean wordStart = true;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean separator = Character.isWhitespace(c) || "-({[<".indexOf(c) >= 0;
                out.append(separator ? c : wordStart ? Character.toUpperCase(c) : Character.toLowerCase(c));
                wordStart = separator;
            }
            return out.toString();
        });
    }

    /**
     * {@code map('upper')} applies a filter (with any further arguments, as in
     * {@code map('extract', hostvars, 'ansible_host')}), {@code map(attribute='ip')} reads an attribute. Jinjava's
     * own takes an unknown filter name for an attribute and gives a list of None; here it is an error, as in Jinja2.
     */
    private static NamedFilter map() {
        return new NamedFilter("map", (value, a) -> {
            JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
            List<Object> out = new ArrayList<>();
            List<?> items = value == null ? List.of() : AnsibleFilters.list("map", value);
            if (a.size() == 0) {
                Object attribute = a.named().get("attribute");
                if (attribute == null) {
                    throw new IllegalArgumentException("map needs a filter name or attribute='name'");
                }
                for (Object item : items) {
                    Object v = attribute(interpreter, item, attribute.toString());
                    out.add(v == null ? a.named().get("default") : v);
                }
                return out;
            }
            String name = PythonStyle.str(a.positional().getFirst());
            Filter filter = interpreter.getContext().getFilter(name);
            if (filter == null) {
                throw new IllegalArgumentException("unknown filter '" + name + "'");
            }
            Object[] rest = a.positional().subList(1, a.size()).toArray();
            for (Object item : items) {
                out.add(filter.filter(item, interpreter, rest, a.named()));
            }
            return out;
        });
    }

    /**
     * {@code indent(width=4, first=False, blank=False)}: every line but the first indented, blank lines left
     * alone unless {@code blank}; {@code width} may be the indentation text itself. Jinjava indents blank lines and
     * the empty line after a last line break.
     */
    private static NamedFilter indent() {
        return new NamedFilter("indent", (value, a) -> {
            Object width = a.get(0, "width", 4);
            String indention = width instanceof Number n ? " ".repeat(n.intValue()) : PythonStyle.str(width);
            boolean first = a.flag(1, "first");
            boolean blank = a.flag(2, "blank");
            String s = PythonStyle.str(value) + "\n";
            List<String> lines = new ArrayList<>(List.of(s.split("\r\n|\r|\n", -1)));
            // Python's splitlines: no empty item after the last line break.
            lines.removeLast();
            StringBuilder out = new StringBuilder(lines.removeFirst());
            for (String line : lines) {
                out.append('\n').append(blank || !line.isEmpty() ? indention + line : line);
            }
            return first ? indention + out : out.toString();
        });
    }

    /** {@code attribute='a.b'} or {@code attribute=0} as Jinja2 reads them: dots go deeper, numbers index lists. */
    private static Object attribute(JinjavaInterpreter interpreter, Object item, String path) {
        Object v = item;
        for (String part : path.split("\\.")) {
            if (v == null) {
                return null;
            }
            if (v instanceof Map<?, ?> m) {
                v = m.get(part);
            } else if (v instanceof List<?> l && part.matches("\\d+")) {
                int i = Integer.parseInt(part);
                v = i < l.size() ? l.get(i) : null;
            } else {
                v = interpreter.resolveProperty(v, part);
            }
        }
        return v;
    }
}
