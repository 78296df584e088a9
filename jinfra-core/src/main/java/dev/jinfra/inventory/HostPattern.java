package dev.jinfra.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Host name ranges, both ways.
 *
 * <p>{@link #expand} turns a pattern into names. A bracket holds a comma-separated list of items, each one of
 * <ul>
 *   <li>{@code 01-50} or Ansible's {@code 01:50}: numbers, zero-padded to the width of the start;</li>
 *   <li>{@code 01:50:5}: Ansible's form with a step;</li>
 *   <li>{@code a-c} or {@code a:c}: single letters;</li>
 *   <li>a plain word such as {@code 07} or {@code east}.</li>
 * </ul>
 * Several brackets in one name expand to every combination, in order: {@code r[1-2]n[1-2]} gives
 * {@code r1n1, r1n2, r2n1, r2n2}.
 *
 * <p>{@link #fold} goes the other way, for compact display of long host lists.
 */
public final class HostPattern {

    /** Expansion stops here: a typo such as {@code [1-1000000]} should fail loudly, not exhaust memory. */
    public static final int MAX_NAMES = 100_000;

    /** Numbers longer than this do not fit a long; no host name needs them. */
    private static final int MAX_DIGITS = 18;

    private HostPattern() {}

    /** True when {@code name} contains a bracket, so {@link #expand} has something to do. */
    public static boolean hasRange(String name) {
        return name.indexOf('[') >= 0 || name.indexOf(']') >= 0;
    }

    /** Expands {@code pattern}; errors name the command line as their source. */
    public static List<String> expand(String pattern) {
        return expand(pattern, "command line", 0);
    }

    /**
     * Expands {@code pattern} into host names in range order.
     *
     * @param source file name (or other origin) for error messages
     * @param line 1-based line for error messages, or 0
     * @throws InventoryException on a malformed range or one larger than {@link #MAX_NAMES}
     */
    public static List<String> expand(String pattern, String source, int line) {
        if (!hasRange(pattern)) {
            return List.of(pattern);
        }
        var parser = new Parser(pattern, source, line);
        List<List<String>> parts = parser.parts();
        long total = 1;
        for (List<String> part : parts) {
            total *= part.size();
            if (total > MAX_NAMES) {
                throw parser.error("expands to more than " + MAX_NAMES + " names");
            }
        }
        List<String> names = new ArrayList<>((int) total);
        combine(parts, 0, new StringBuilder(), names);
        return names;
    }

    /**
     * Folds host names into a compact, readable string such as {@code db-1, web-[01-38,40]}: names that
     * differ only in one number (with the same zero padding) share one range, and the entries are in natural
     * order. Expanding each entry gives back exactly the input names.
     */
    public static String fold(Collection<String> names) {
        return NameFolder.fold(names);
    }

    /** The index of the last {@code c} that is not inside brackets, or -1. */
    static int lastOutsideBrackets(String text, char c) {
        int depth = 0;
        int found = -1;
        for (int i = 0; i < text.length(); i++) {
            char here = text.charAt(i);
            if (here == '[') {
                depth++;
            } else if (here == ']') {
                depth--;
            } else if (here == c && depth == 0) {
                found = i;
            }
        }
        return found;
    }

    /** {@code n} with leading zeros up to {@code width} digits; String.format is slow for 100,000 names. */
    static String zeroPad(long n, int width) {
        String digits = Long.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private static void combine(List<List<String>> parts, int index, StringBuilder prefix, List<String> out) {
        if (index == parts.size()) {
            out.add(prefix.toString());
            return;
        }
        int mark = prefix.length();
        for (String piece : parts.get(index)) {
            prefix.append(piece);
            combine(parts, index + 1, prefix, out);
            prefix.setLength(mark);
        }
    }

    /** Splits one pattern into literal parts (one alternative each) and bracket parts. */
    private record Parser(String pattern, String source, int line) {

        List<List<String>> parts() {
            List<List<String>> parts = new ArrayList<>();
            var literal = new StringBuilder();
            int i = 0;
            while (i < pattern.length()) {
                char c = pattern.charAt(i);
                if (c == ']') {
                    throw error("has ']' without '['");
                }
                if (c != '[') {
                    literal.append(c);
                    i++;
                    continue;
                }
                int close = pattern.indexOf(']', i);
                if (close < 0) {
                    throw error("is missing ']'");
                }
                String body = pattern.substring(i + 1, close);
                if (body.indexOf('[') >= 0) {
                    throw error("has '[' inside a range");
                }
                parts.add(List.of(literal.toString()));
                literal.setLength(0);
                parts.add(alternatives(body));
                i = close + 1;
            }
            parts.add(List.of(literal.toString()));
            return parts;
        }

        private List<String> alternatives(String body) {
            if (body.isEmpty()) {
                throw error("has an empty range '[]'");
            }
            List<String> out = new ArrayList<>();
            for (String item : body.split(",", -1)) {
                addItem(item, out);
                if (out.size() > MAX_NAMES) {
                    throw error("expands to more than " + MAX_NAMES + " names");
                }
            }
            return out;
        }

        private void addItem(String item, List<String> out) {
            if (item.isEmpty()) {
                throw error("has an empty item in a list");
            }
            // Ansible separates with ':' (and allows a step); jinfra's own form uses '-'.
            String[] bounds = item.indexOf(':') >= 0 ? item.split(":", -1) : item.split("-", -1);
            if (bounds.length == 1) {
                if (!item.chars().allMatch(Character::isLetterOrDigit)) {
                    throw error("has '" + item + "', which is neither a range nor a plain word");
                }
                out.add(item);
                return;
            }
            if (bounds.length > 3 || (bounds.length == 3 && item.indexOf(':') < 0)) {
                throw error("has a malformed range '" + item + "'");
            }
            String start = bounds[0];
            String end = bounds[1];
            if (start.isEmpty() || end.isEmpty()) {
                throw error("has a range '" + item + "' without " + (start.isEmpty() ? "a start" : "an end"));
            }
            long step = bounds.length == 3 ? step(bounds[2]) : 1;
            if (isNumber(start) && isNumber(end)) {
                addNumbers(start, end, step, out);
            } else if (isLetter(start)
                    && isLetter(end)
                    && Character.isUpperCase(start.charAt(0)) == Character.isUpperCase(end.charAt(0))) {
                addLetters(start.charAt(0), end.charAt(0), step, out);
            } else {
                throw error("has a range '" + item + "' that is not two numbers or two letters of the same case");
            }
        }

        private void addNumbers(String start, String end, long step, List<String> out) {
            long from = Long.parseLong(start);
            long to = Long.parseLong(end);
            checkOrder(start, end, from, to);
            if ((to - from) / step + out.size() >= MAX_NAMES) {
                throw error("expands to more than " + MAX_NAMES + " names");
            }
            // The width of the start sets the padding: [01-10] gives 01..10, [1-10] gives 1..10.
            for (long n = from; n <= to; n += step) {
                out.add(zeroPad(n, start.length()));
            }
        }

        private void addLetters(char from, char to, long step, List<String> out) {
            checkOrder(String.valueOf(from), String.valueOf(to), from, to);
            for (long c = from; c <= to; c += step) {
                out.add(String.valueOf((char) c));
            }
        }

        private void checkOrder(String start, String end, long from, long to) {
            if (from > to) {
                throw error("has start " + start + " after end " + end);
            }
        }

        private long step(String text) {
            if (!isNumber(text) || Long.parseLong(text) == 0) {
                throw error("has step '" + text + "', which is not a positive number");
            }
            return Long.parseLong(text);
        }

        private static boolean isNumber(String s) {
            return !s.isEmpty() && s.length() <= MAX_DIGITS && s.chars().allMatch(c -> c >= '0' && c <= '9');
        }

        private static boolean isLetter(String s) {
            return s.length() == 1
                    && ((s.charAt(0) >= 'a' && s.charAt(0) <= 'z') || (s.charAt(0) >= 'A' && s.charAt(0) <= 'Z'));
        }

        InventoryException error(String problem) {
            return new InventoryException(source, line, "host range '" + pattern + "' " + problem);
        }
    }
}
