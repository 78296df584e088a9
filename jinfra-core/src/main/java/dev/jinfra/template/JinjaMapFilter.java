package dev.jinfra.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jinja2's {@code map}: {@code map('upper')} applies a filter (with any further arguments, as in
 * {@code map('extract', hostvars, 'ansible_host')}), {@code map(attribute='ip')} reads an attribute. Jinjava's own
 * takes an unknown filter name for an attribute and gives a list of None; here it is an error, as in Jinja2.
 */
final class JinjaMapFilter {
    private JinjaMapFilter() {}

    static NamedFilter create() {
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
