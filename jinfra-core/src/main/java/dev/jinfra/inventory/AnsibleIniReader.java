package dev.jinfra.inventory;

import dev.jinfra.command.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Ansible INI inventory:
 *
 * <pre>
 * bastion.example.com ansible_port=2222     # ungrouped hosts come before the first section
 * [web]
 * web[01:50].example.com ansible_user=deploy
 * db.example.com:5432                       # host:port
 * [web:vars]
 * nginx_workers=4
 * [production:children]
 * web
 * [all:vars]
 * env="prod"
 * </pre>
 *
 * Comments start with {@code #} or {@code ;}. As in Ansible, values on a host line are typed (unquoted
 * integers become numbers, {@code True}/{@code False} booleans, quoted values stay strings) while values in a
 * {@code :vars} section are strings.
 */
final class AnsibleIniReader {
    private static final Pattern SECTION = Pattern.compile("\\[([^\\[\\]:]+)(?::([^\\[\\]]*))?]");
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d{0,17})");

    private enum Kind {
        HOSTS,
        VARS,
        CHILDREN
    }

    private final String source;
    /** The file was encrypted with ansible-vault: its text values are secrets. */
    private final boolean encrypted;

    private final InventoryDraft draft;
    private String group;
    private Kind kind = Kind.HOSTS;
    private int lineNumber;

    AnsibleIniReader(String source) {
        this(source, false);
    }

    AnsibleIniReader(String source, boolean encrypted) {
        this.source = source;
        this.encrypted = encrypted;
        this.draft = new InventoryDraft(source);
        draft.ansible = true;
    }

    InventoryDraft read(String text) {
        for (String raw : text.split("\\R", -1)) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && !isRangeHost(line)) {
                section(line);
            } else {
                switch (kind) {
                    case HOSTS -> hostLine(line);
                    case VARS -> varLine(line);
                    case CHILDREN -> childLine(line);
                }
            }
        }
        return draft;
    }

    /** A host such as {@code [a:c].example.com} also starts with '['; a section header ends at its ']'. */
    private static boolean isRangeHost(String line) {
        int close = line.indexOf(']');
        return close > 0
                && close < line.length() - 1
                && !Character.isWhitespace(line.charAt(close + 1))
                && line.charAt(close + 1) != '#'
                && line.charAt(close + 1) != ';';
    }

    private void section(String line) {
        String header = stripComment(line);
        Matcher m = SECTION.matcher(header);
        if (!m.matches()) {
            throw error("malformed section header '" + header + "'");
        }
        group = m.group(1).strip();
        String type = m.group(2) == null ? "" : m.group(2).strip();
        kind = switch (type) {
            case "" -> Kind.HOSTS;
            case "vars" -> Kind.VARS;
            case "children" -> Kind.CHILDREN;
            default -> throw error("unknown section type ':" + type + "' (expected :vars or :children)");
        };
        draft.defineGroup(group, lineNumber);
    }

    private static String stripComment(String line) {
        int close = line.lastIndexOf(']');
        return close >= 0 ? line.substring(0, close + 1).strip() : line;
    }

    private void hostLine(String line) {
        List<IniTokens.Token> tokens = IniTokens.split(line, source, lineNumber);
        var host = AnsibleHostPort.parse(tokens.getFirst().text(), source, lineNumber);
        Map<String, Object> vars = new LinkedHashMap<>();
        // First, so that an ansible_port written on the line wins, as in Ansible.
        if (host.port() != null) {
            vars.put("ansible_port", host.port());
        }
        for (IniTokens.Token token : tokens.subList(1, tokens.size())) {
            int eq = token.text().indexOf('=');
            if (eq <= 0) {
                throw error("malformed host line: expected key=value after the host name, got '" + token.text() + "'");
            }
            String value = token.text().substring(eq + 1);
            vars.put(token.text().substring(0, eq), secret(token.quoted() ? value : literal(value)));
        }
        host.addTo(draft, group, AnsibleVars.translate(vars), Map.of(), lineNumber);
    }

    /** Ansible reads unquoted host-line values as Python literals; numbers and booleans are what matter here. */
    private static Object literal(String value) {
        if (INTEGER.matcher(value).matches()) {
            long number = Long.parseLong(value);
            return number == (int) number ? (Object) (int) number : (Object) number;
        }
        return switch (value) {
            case "True" -> Boolean.TRUE;
            case "False" -> Boolean.FALSE;
            default -> value;
        };
    }

    private void varLine(String line) {
        int eq = line.indexOf('=');
        if (eq <= 0) {
            throw error("malformed variable line: expected key=value, got '" + line + "'");
        }
        String key = line.substring(0, eq).strip();
        String value = unquote(line.substring(eq + 1).strip());
        draft.addGroupData(group, AnsibleVars.translate(Map.of(key, secret(value))), lineNumber);
    }

    private Object secret(Object value) {
        return encrypted && value instanceof String text ? new Secret(text) : value;
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2
                && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0);
        return quoted ? value.substring(1, value.length() - 1) : value;
    }

    private void childLine(String line) {
        List<IniTokens.Token> tokens = IniTokens.split(line, source, lineNumber);
        if (tokens.size() != 1) {
            throw error("malformed child line: expected one group name, got '" + line + "'");
        }
        draft.addChild(group, tokens.getFirst().text(), lineNumber);
    }

    private InventoryException error(String problem) {
        return new InventoryException(source, lineNumber, problem);
    }

    /** Splits a line into whitespace-separated tokens, honouring quotes; '#' at a token start ends the line. */
    static final class IniTokens {
        record Token(String text, boolean quoted) {}

        private IniTokens() {}

        static List<Token> split(String line, String source, int lineNumber) {
            List<Token> tokens = new ArrayList<>();
            var text = new StringBuilder();
            boolean inToken = false;
            boolean quoted = false;
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                        text.append(line.charAt(++i));
                    } else {
                        text.append(c);
                    }
                } else if (Character.isWhitespace(c)) {
                    if (inToken) {
                        tokens.add(new Token(text.toString(), quoted));
                        text.setLength(0);
                        inToken = false;
                        quoted = false;
                    }
                } else if ((c == '#' || c == ';') && !inToken) {
                    break;
                } else {
                    inToken = true;
                    if (c == '"' || c == '\'') {
                        quote = c;
                        quoted = true;
                    } else {
                        text.append(c);
                    }
                }
            }
            if (quote != 0) {
                throw new InventoryException(source, lineNumber, "unterminated quote in '" + line + "'");
            }
            if (inToken) {
                tokens.add(new Token(text.toString(), quoted));
            }
            return tokens;
        }
    }
}
