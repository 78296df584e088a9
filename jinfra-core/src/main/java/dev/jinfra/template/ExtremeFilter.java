package dev.jinfra.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;

/** Jinja2's {@code min} and {@code max} filters (Jinjava has neither): the smallest or largest item of a list. */
final class ExtremeFilter implements Filter {
    private final String name;
    private final int sign;

    private ExtremeFilter(String name, int sign) {
        this.name = name;
        this.sign = sign;
    }

    static ExtremeFilter min() {
        return new ExtremeFilter("min", 1);
    }

    static ExtremeFilter max() {
        return new ExtremeFilter("max", -1);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        if (!(var instanceof Iterable<?> items)) {
            return var;
        }
        Object best = null;
        for (Object item : items) {
            if (best == null || sign * compare(item, best) < 0) {
                best = item;
            }
        }
        return best;
    }

    // Numbers compare by value whatever their Java type (a list may mix Long and Double).
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Comparable ca && a.getClass().isInstance(b)) {
            return ca.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }
}
