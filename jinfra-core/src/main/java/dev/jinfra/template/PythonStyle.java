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
            // A dict's items() are (key, value) tuples in Python; Jinjava gives Java's entries.
            case Map.Entry<?, ?> e -> "(" + repr(e.getKey()) + ", " + repr(e.getValue()) + ")";
            case Tuple t ->
                t.size() == 1 ? "(" + repr(t.get(0)) + ",)" : join(t.iterator(), "(", ")", PythonStyle::repr);
            case Collection<?> c when isItemsView(c) -> join(c.iterator(), "dict_items([", "])", PythonStyle::repr);
            case Collection<?> c -> join(c.iterator(), "[", "]", PythonStyle::repr);
            default -> String.valueOf(value);
        };
    }

    /** {@code d.items()} printed as it is: a set of a map's entries, which Python shows as {@code dict_items([..])}. */
    private static boolean isItemsView(Collection<?> c) {
        return c instanceof java.util.Set<?> && !c.isEmpty() && c.stream().allMatch(x -> x instanceof Map.Entry<?, ?>);
    }

    /**
     * Python's {@code repr(float)}: the shortest digits that read back as the same double (as Java's own
     * {@code Double.toString} picks them), written in fixed notation from 1e-4 up to 1e16 ({@code 100.0},
     * {@code 0.0001}) and with an exponent outside it ({@code 1e+20}, {@code 1.5e-05}).
     */
    static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        java.math.BigDecimal exact = new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = exact.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
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
