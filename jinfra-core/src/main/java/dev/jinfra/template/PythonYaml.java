package dev.jinfra.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * PyYAML's {@code yaml.dump} as Ansible's {@code to_yaml} and {@code to_nice_yaml} call it, for the data templates
 * hold (maps, lists, text, numbers, booleans, None): keys sorted, a list under a key not indented, a string that
 * would read back as something else quoted ({@code 'yes'}, {@code '1.10'}), long text folded at 80 columns, and
 * with {@code flowLeaves} (to_yaml) a list or map of scalars written on one line ({@code [a, b]}). The rules
 * follow PyYAML's emitter (its scalar analysis and style choice), so the output matches it byte for byte for such
 * data.
 */
final class PythonYaml {
    private static final int WIDTH = 80;
    // PyYAML's implicit resolvers (YAML 1.1): a plain string matching one of these would read back as another type.
    private static final Pattern IMPLICIT = Pattern.compile(String.join(
            "|",
            "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF",
            "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?",
            "[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)",
            "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+",
            "[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",
            "<<|~|null|Null|NULL|=|",
            "[0-9]{4}-[0-9]{2}-[0-9]{2}",
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?"
                    + "(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?"));

    private final int step;
    private final boolean flowLeaves;
    private final StringBuilder out = new StringBuilder();
    private int column;
    private boolean whitespace = true;
    private boolean indention = true;

    private PythonYaml(int step, boolean flowLeaves) {
        this.step = step;
        this.flowLeaves = flowLeaves;
    }

    /**
     * @param indent spaces per level (PyYAML's {@code indent}, 2 unless given)
     * @param flowLeaves PyYAML's {@code default_flow_style=None}: collections of scalars on one line
     */
    static String dump(Object value, int indent, boolean flowLeaves) {
        PythonYaml yaml = new PythonYaml(indent, flowLeaves);
        yaml.node(value, -1, false, false);
        yaml.lineBreak();
        return yaml.out.toString();
    }

    /**
     * Writes a node whose parent is at {@code indent} (-1 at the top). {@code inMapping}: the node is a mapping's
     * value, where a list is not indented; {@code flow}: inside a one-line collection.
     */
    private void node(Object value, int indent, boolean inMapping, boolean flow) {
        value = normalized(value);
        if (value instanceof Map<?, ?> map) {
            if (flow || map.isEmpty() || (flowLeaves && allScalars(map.values()))) {
                flowMapping(map, indent);
            } else {
                blockMapping(map, indent < 0 ? 0 : indent + step);
            }
        } else if (value instanceof List<?> list) {
            if (flow || list.isEmpty() || (flowLeaves && allScalars(list))) {
                flowSequence(list, indent);
            } else {
                int at = indent < 0 ? 0 : inMapping && !indention ? indent : indent + step;
                blockSequence(list, at);
            }
        } else {
            scalar(value, indent < 0 ? step : indent + step, flow, false);
        }
    }

    private void blockMapping(Map<?, ?> map, int indent) {
        for (Map.Entry<?, ?> e : sorted(map)) {
            writeIndent(indent);
            scalar(normalized(e.getKey()), indent + step, false, true);
            indicator(":", false);
            node(e.getValue(), indent, true, false);
        }
    }

    private void blockSequence(List<?> list, int indent) {
        for (Object item : list) {
            writeIndent(indent);
            indicator("-", true);
            node(item, indent, false, false);
        }
    }

    private void flowMapping(Map<?, ?> map, int indent) {
        indicator("{", true);
        whitespace = true;
        String sep = null;
        for (Map.Entry<?, ?> e : sorted(map)) {
            if (sep != null) {
                indicator(sep, false);
            }
            wrapIfLong(indent < 0 ? step : indent + step);
            scalar(normalized(e.getKey()), indent + step, true, true);
            indicator(":", false);
            node(e.getValue(), indent, false, true);
            sep = ",";
        }
        indicator("}", false);
    }

    private void flowSequence(List<?> list, int indent) {
        indicator("[", true);
        whitespace = true;
        String sep = null;
        for (Object item : list) {
            if (sep != null) {
                indicator(sep, false);
            }
            wrapIfLong(indent < 0 ? step : indent + step);
            node(item, indent, false, true);
            sep = ",";
        }
        indicator("]", false);
    }

    /** In a one-line collection, an item that would start past 80 columns starts a new line. */
    private void wrapIfLong(int indent) {
        if (column > WIDTH) {
            writeIndent(indent);
        }
    }

    private static Object normalized(Object value) {
        return switch (value) {
            case Map.Entry<?, ?> e -> List.of(e.getKey(), e.getValue());
            case Collection<?> c when !(c instanceof List<?>) -> new ArrayList<>(c);
            case Object[] a -> List.of(a);
            case null, default -> value;
        };
    }

    private static boolean allScalars(Collection<?> values) {
        return values.stream()
                .map(PythonYaml::normalized)
                .noneMatch(v -> v instanceof Map<?, ?> || v instanceof List<?>);
    }

    private static List<Map.Entry<?, ?>> sorted(Map<?, ?> map) {
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        entries.sort((a, b) -> compareKeys(a.getKey(), b.getKey()));
        return entries;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    // --- scalars ---

    private void scalar(Object value, int indent, boolean flow, boolean key) {
        switch (value) {
            case null -> plain("null");
            case Boolean b -> plain(b ? "true" : "false");
            case Double d -> plain(yamlFloat(d));
            case Float f -> plain(yamlFloat(f.doubleValue()));
            case Number n -> plain(n.toString());
            default -> text(value.toString(), indent, flow, key);
        }
    }

    private static String yamlFloat(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        String repr = PythonStyle.floatText(d).toLowerCase(java.util.Locale.ROOT);
        return !repr.contains(".") && repr.contains("e") ? repr.replaceFirst("e", ".0e") : repr;
    }

    private void plain(String text) {
        if (!whitespace) {
            write(" ");
        }
        write(text);
        whitespace = false;
        indention = false;
    }

    private void text(String s, int indent, boolean flow, boolean key) {
        YamlScalarAnalysis a = YamlScalarAnalysis.of(s);
        boolean multiline = s.indexOf('\n') >= 0;
        boolean plainAllowed = !IMPLICIT.matcher(s).matches()
                && !(key && (a.empty() || multiline))
                && (flow ? a.flowPlain() : a.blockPlain());
        if (plainAllowed) {
            writePlain(s, indent, !key);
        } else if (a.singleQuoted() && !(key && multiline)) {
            writeSingleQuoted(s, indent, !key);
        } else {
            writeDoubleQuoted(s);
        }
    }

    private void writePlain(String text, int indent, boolean split) {
        if (text.isEmpty()) {
            return;
        }
        if (!whitespace) {
            write(" ");
        }
        whitespace = false;
        indention = false;
        boolean spaces = false;
        int start = 0;
        for (int end = 0; end <= text.length(); end++) {
            Character ch = end < text.length() ? text.charAt(end) : null;
            if (spaces) {
                if (ch == null || ch != ' ') {
                    if (start + 1 == end && column > WIDTH && split) {
                        writeIndent(indent);
                        whitespace = false;
                        indention = false;
                    } else {
                        write(text.substring(start, end));
                    }
                    start = end;
                }
            } else if (ch == null || ch == ' ') {
                write(text.substring(start, end));
                start = end;
            }
            spaces = ch != null && ch == ' ';
        }
    }

    private void writeSingleQuoted(String text, int indent, boolean split) {
        indicator("'", true);
        boolean spaces = false;
        boolean breaks = false;
        int start = 0;
        for (int end = 0; end <= text.length(); end++) {
            Character ch = end < text.length() ? text.charAt(end) : null;
            if (spaces) {
                if (ch == null || ch != ' ') {
                    if (start + 1 == end && column > WIDTH && split && start != 0 && end != text.length()) {
                        writeIndent(indent);
                    } else {
                        write(text.substring(start, end));
                    }
                    start = end;
                }
            } else if (breaks) {
                if (ch == null || ch != '\n') {
                    if (text.charAt(start) == '\n') {
                        lineBreak();
                    }
                    for (int i = start; i < end; i++) {
                        lineBreak();
                    }
                    writeIndent(indent);
                    start = end;
                }
            } else if ((ch == null || ch == ' ' || ch == '\n' || ch == '\'') && start < end) {
                write(text.substring(start, end));
                start = end;
            }
            if (ch != null && ch == '\'') {
                write("''");
                start = end + 1;
            }
            spaces = ch != null && ch == ' ';
            breaks = ch != null && ch == '\n';
        }
        indicator("'", false);
    }

    private void writeDoubleQuoted(String text) {
        indicator("\"", true);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                case '\r' -> s.append("\\r");
                case '\0' -> s.append("\\0");
                case '\u0007' -> s.append("\\a");
                case '\b' -> s.append("\\b");
                case '\u000b' -> s.append("\\v");
                case '\f' -> s.append("\\f");
                case '\u001b' -> s.append("\\e");
                case '\u0085' -> s.append("\\N");
                case '\u00a0' -> s.append("\\_");
                case '\u2028' -> s.append("\\L");
                case '\u2029' -> s.append("\\P");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\ufeff') {
                        s.append(String.format("\\x%02X", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        write(s.toString());
        indicator("\"", false);
    }

    // --- output, as PyYAML's emitter tracks it ---

    private void indicator(String indicator, boolean needWhitespace) {
        write(whitespace || !needWhitespace ? indicator : " " + indicator);
        whitespace = false;
        indention = indention && (indicator.equals("-"));
    }

    private void writeIndent(int indent) {
        if (!indention || column > indent || (column == indent && !whitespace)) {
            lineBreak();
        }
        if (column < indent) {
            whitespace = true;
            write(" ".repeat(indent - column));
        }
    }

    private void lineBreak() {
        out.append('\n');
        column = 0;
        whitespace = true;
        indention = true;
    }

    private void write(String text) {
        out.append(text);
        column += text.length();
    }
}
