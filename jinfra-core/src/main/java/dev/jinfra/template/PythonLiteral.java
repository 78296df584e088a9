package dev.jinfra.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code ast.literal_eval} for the literals a printed value is made of: strings in single or double
 * quotes, whole and decimal numbers, {@code True}, {@code False}, {@code None} (and JSON's {@code true},
 * {@code false}, {@code null}, which Ansible accepts too), lists, tuples (read as lists) and dicts.
 *
 * <p>Ansible reads a templated value back this way when its text looks like a list, a dict or a boolean
 * ({@code "[{{ port }}, 2]"} becomes a list), so that a value printed by one template is data again in the next.
 */
final class PythonLiteral {
    private final String text;
    private int at;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /** The value {@code text} is the literal of (null for None), or {@code text} itself when it is not one. */
    static Object parseOrKeep(String text) {
        PythonLiteral reader = new PythonLiteral(text);
        try {
            Object value = reader.value();
            reader.skipSpace();
            return reader.at == text.length() ? value : text;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return text;
        }
    }

    private Object value() {
        skipSpace();
        char c = text.charAt(at);
        return switch (c) {
            case '[' -> sequence(']');
            case '(' -> sequence(')');
            case '{' -> dict();
            case '\'', '"' -> string(c);
            default -> c == '-' || c == '+' || c == '.' || Character.isDigit(c) ? number() : name();
        };
    }

    private List<Object> sequence(char close) {
        at++;
        List<Object> items = new ArrayList<>();
        while (true) {
            skipSpace();
            if (text.charAt(at) == close) {
                at++;
                return items;
            }
            items.add(value());
            skipSpace();
            if (text.charAt(at) == ',') {
                at++;
            } else if (text.charAt(at) != close) {
                throw new IllegalArgumentException("expected , or " + close);
            }
        }
    }

    private Map<Object, Object> dict() {
        at++;
        Map<Object, Object> entries = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (text.charAt(at) == '}') {
                at++;
                return entries;
            }
            Object key = value();
            skipSpace();
            expect(':');
            entries.put(key, value());
            skipSpace();
            if (text.charAt(at) == ',') {
                at++;
            } else if (text.charAt(at) != '}') {
                throw new IllegalArgumentException("expected , or }");
            }
        }
    }

    private String string(char quote) {
        at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(at++);
            if (c == quote) {
                return out.toString();
            }
            if (c == '\n') {
                throw new IllegalArgumentException("line break in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = text.charAt(at++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0' -> out.append('\0');
                case 'x' -> out.append(hex(2));
                case 'u' -> out.append(hex(4));
                case 'U' -> out.appendCodePoint(Integer.parseInt(take(8), 16));
                case '\\', '\'', '"' -> out.append(e);
                default -> out.append('\\').append(e);
            }
        }
    }

    private char hex(int digits) {
        return (char) Integer.parseInt(take(digits), 16);
    }

    private String take(int n) {
        String part = text.substring(at, at + n);
        at += n;
        return part;
    }

    private Object number() {
        int start = at;
        if (text.charAt(at) == '-' || text.charAt(at) == '+') {
            at++;
        }
        while (at < text.length()
                && (Character.isLetterOrDigit(text.charAt(at)) || ".+-_".indexOf(text.charAt(at)) >= 0)) {
            char c = text.charAt(at);
            // A sign belongs to the number only right after an exponent's e.
            if ((c == '+' || c == '-') && Character.toLowerCase(text.charAt(at - 1)) != 'e') {
                break;
            }
            at++;
        }
        String literal = text.substring(start, at).replace("_", "");
        if (literal.matches("[-+]?\\d+")) {
            BigInteger whole = new BigInteger(literal);
            return whole.bitLength() < 64 ? (Object) whole.longValueExact() : whole;
        }
        if (literal.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return Double.parseDouble(literal);
        }
        throw new IllegalArgumentException("not a number: " + literal);
    }

    private Object name() {
        int start = at;
        while (at < text.length() && Character.isLetter(text.charAt(at))) {
            at++;
        }
        return switch (text.substring(start, at)) {
            case "True", "true" -> Boolean.TRUE;
            case "False", "false" -> Boolean.FALSE;
            case "None", "null" -> null;
            default -> throw new IllegalArgumentException("not a literal");
        };
    }

    private void expect(char c) {
        if (text.charAt(at) != c) {
            throw new IllegalArgumentException("expected " + c);
        }
        at++;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
