package dev.jinfra.template;

import dev.jinfra.template.NamedFilter.Args;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's filters for text: {@code regex_replace}, {@code regex_search}, {@code regex_findall},
 * {@code regex_escape} (Python's regular expressions, as far as Java's agree with them: {@code (?P<name>..)} and
 * {@code \1} in replacements are translated), {@code hash}, {@code md5}, {@code sha1}, {@code checksum},
 * {@code quote} (Python's {@code shlex.quote}), {@code b64encode}, {@code b64decode}, {@code basename},
 * {@code dirname}, {@code splitext}, {@code path_join} and {@code comment}.
 */
final class AnsibleTextFilters {
    private AnsibleTextFilters() {}

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
    private static final Map<String, String> DIGESTS = Map.of(
            "md5", "MD5",
            "sha1", "SHA-1",
            "sha224", "SHA-224",
            "sha256", "SHA-256",
            "sha384", "SHA-384",
            "sha512", "SHA-512");

    static List<NamedFilter> all() {
        return List.of(
                new NamedFilter("regex_replace", AnsibleTextFilters::regexReplace),
                new NamedFilter("regex_search", AnsibleTextFilters::regexSearch),
                new NamedFilter("regex_findall", AnsibleTextFilters::regexFindall),
                new NamedFilter("regex_escape", (v, a) -> regexEscape(PythonStyle.str(v))),
                new NamedFilter("hash", (v, a) -> hash(v, a.text(0, "hashtype", "sha1"))),
                new NamedFilter("md5", (v, a) -> hash(v, "md5")),
                new NamedFilter("sha1", (v, a) -> hash(v, "sha1")),
                new NamedFilter("checksum", (v, a) -> hash(v, "sha1")),
                new NamedFilter("quote", (v, a) -> quote(v == null ? "" : PythonStyle.str(v))),
                new NamedFilter(
                        "b64encode",
                        (v, a) -> Base64.getEncoder()
                                .encodeToString(PythonStyle.str(v).getBytes(charset(a)))),
                new NamedFilter(
                        "b64decode",
                        (v, a) -> new String(
                                Base64.getMimeDecoder()
                                        .decode(PythonStyle.str(v).strip()),
                                charset(a))),
                new NamedFilter("basename", (v, a) -> basename(PythonStyle.str(v))),
                new NamedFilter("dirname", (v, a) -> dirname(PythonStyle.str(v))),
                new NamedFilter("splitext", (v, a) -> splitext(PythonStyle.str(v))),
                new NamedFilter("path_join", (v, a) -> pathJoin(AnsibleFilters.list("path_join", v))),
                new NamedFilter("comment", AnsibleTextFilters::comment));
    }

    private static Charset charset(Args a) {
        return Charset.forName(a.text(-1, "encoding", "utf-8"));
    }

    /** A Python regular expression as Java reads it, with Ansible's {@code ignorecase} and {@code multiline}. */
    static Pattern pattern(String regex, Args a, int first) {
        int flags = 0;
        if (a.flag(first, "ignorecase")) {
            flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        }
        if (a.flag(first + 1, "multiline")) {
            flags |= Pattern.MULTILINE;
        }
        String java = regex.replace("(?P<", "(?<")
                .replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>")
                .replace("\\Z", "\\z");
        try {
            return Pattern.compile(java, flags);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "bad regular expression '" + regex + "': " + e.getDescription() + " at index " + e.getIndex());
        }
    }

    private static String regexReplace(Object v, Args a) {
        String regex = a.text(0, "pattern", "");
        String replacement = a.text(1, "replacement", "");
        Pattern p = pattern(regex, a, 2);
        int count = a.number(-1, "count", 0);
        Matcher m = p.matcher(PythonStyle.str(v));
        StringBuilder out = new StringBuilder();
        int done = 0;
        while (m.find() && (count == 0 || done < count)) {
            m.appendReplacement(out, Matcher.quoteReplacement(expand(replacement, m)));
            done++;
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Python's replacement text: {@code \1}, {@code \g<1>}, {@code \g<name>}, and escapes such as {@code \n}. */
    private static String expand(String replacement, Matcher m) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c != '\\' || i + 1 == replacement.length()) {
                out.append(c);
                continue;
            }
            char next = replacement.charAt(++i);
            if (Character.isDigit(next)) {
                int end = i + 1;
                if (end < replacement.length() && Character.isDigit(replacement.charAt(end))) {
                    end++;
                }
                String group = m.group(Integer.parseInt(replacement.substring(i, end)));
                out.append(group == null ? "" : group);
                i = end - 1;
            } else if (next == 'g' && i + 1 < replacement.length() && replacement.charAt(i + 1) == '<') {
                int close = replacement.indexOf('>', i);
                String name = replacement.substring(i + 2, close);
                String group =
                        name.chars().allMatch(Character::isDigit) ? m.group(Integer.parseInt(name)) : m.group(name);
                out.append(group == null ? "" : group);
                i = close;
            } else {
                out.append(
                        switch (next) {
                            case 'n' -> "\n";
                            case 't' -> "\t";
                            case 'r' -> "\r";
                            case '\\' -> "\\";
                            default -> "\\" + next;
                        });
            }
        }
        return out.toString();
    }

    private static Object regexSearch(Object v, Args a) {
        String regex = a.text(0, "regex", "");
        List<Object> groups = new ArrayList<>();
        for (Object arg : a.positional().subList(Math.min(1, a.size()), a.size())) {
            String g = arg.toString();
            if (g.startsWith("\\g<") && g.endsWith(">")) {
                String name = g.substring(3, g.length() - 1);
                groups.add(name.chars().allMatch(Character::isDigit) ? (Object) Integer.parseInt(name) : name);
            } else if (g.matches("\\\\\\d+")) {
                groups.add(Integer.parseInt(g.substring(1)));
            } else {
                throw new IllegalArgumentException("regex_search: unknown argument '" + g + "'");
            }
        }
        Matcher m = pattern(regex, new Args(List.of(), a.named()), -1).matcher(PythonStyle.str(v));
        if (!m.find()) {
            return null;
        }
        if (groups.isEmpty()) {
            return m.group();
        }
        List<String> out = new ArrayList<>();
        for (Object g : groups) {
            out.add(g instanceof Integer n ? m.group(n) : m.group((String) g));
        }
        return out;
    }

    private static List<Object> regexFindall(Object v, Args a) {
        Matcher m = pattern(a.text(0, "regex", ""), new Args(List.of(), a.named()), -1)
                .matcher(PythonStyle.str(v));
        List<Object> out = new ArrayList<>();
        while (m.find()) {
            if (m.groupCount() == 0) {
                out.add(m.group());
            } else if (m.groupCount() == 1) {
                out.add(m.group(1) == null ? "" : m.group(1));
            } else {
                List<Object> t = new ArrayList<>();
                for (int g = 1; g <= m.groupCount(); g++) {
                    t.add(m.group(g) == null ? "" : m.group(g));
                }
                out.add(new Tuple(t));
            }
        }
        return out;
    }

    /** Python's {@code re.escape}. */
    static String regexEscape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("()[]{}?*+-|^$\\.&~# \t\n\r\u000b\f".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String hash(Object v, String type) {
        String algorithm = DIGESTS.get(type);
        if (algorithm == null) {
            throw new IllegalArgumentException(
                    "hash: unknown hash type '" + type + "' (md5, sha1, sha224, sha256," + " sha384, sha512)");
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm)
                    .digest(PythonStyle.str(v).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available in this JDK", e);
        }
    }

    /** Python's {@code shlex.quote}: text a POSIX shell reads as one word, unchanged where that needs nothing. */
    static String quote(String s) {
        if (s.isEmpty()) {
            return "''";
        }
        return SHELL_SAFE.matcher(s).matches() ? s : "'" + s.replace("'", "'\"'\"'") + "'";
    }

    static String basename(String p) {
        return p.substring(p.lastIndexOf('/') + 1);
    }

    static String dirname(String p) {
        String head = p.substring(0, p.lastIndexOf('/') + 1);
        return !head.isEmpty() && !head.chars().allMatch(c -> c == '/') ? head.replaceAll("/+$", "") : head;
    }

    private static Tuple splitext(String p) {
        int sep = p.lastIndexOf('/');
        int dot = p.lastIndexOf('.');
        if (dot > sep) {
            for (int i = sep + 1; i < dot; i++) {
                if (p.charAt(i) != '.') {
                    return Tuple.of(p.substring(0, dot), p.substring(dot));
                }
            }
        }
        return Tuple.of(p, "");
    }

    private static String pathJoin(List<?> parts) {
        String out = "";
        for (Object part : parts) {
            String s = PythonStyle.str(part);
            if (s.startsWith("/") || out.isEmpty()) {
                out = s;
            } else {
                out = out.endsWith("/") ? out + s : out + "/" + s;
            }
        }
        return out;
    }

    private record CommentStyle(String beginning, String decoration, String end) {}

    private static final Map<String, CommentStyle> COMMENT_STYLES = Map.of(
            "plain", new CommentStyle("", "# ", ""),
            "erlang", new CommentStyle("", "% ", ""),
            "c", new CommentStyle("", "// ", ""),
            "cblock", new CommentStyle("/*", " * ", " */"),
            "xml", new CommentStyle("<!--", " - ", "-->"));

    /** Ansible's {@code comment}: the text as a comment block, decorated for the language named by the style. */
    private static String comment(Object v, Args a) {
        String styleName = a.text(0, "style", "plain");
        CommentStyle style = COMMENT_STYLES.get(styleName);
        if (style == null) {
            throw new IllegalArgumentException(
                    "comment: unknown style '" + styleName + "' (plain, erlang, c, cblock," + " xml)");
        }
        String prepost = a.text(-1, "decoration", style.decoration());
        String newline = a.text(-1, "newline", "\n");
        String beginning = a.text(-1, "beginning", style.beginning());
        String prefix = a.text(-1, "prefix", prepost.stripTrailing());
        int prefixCount = a.number(-1, "prefix_count", 1);
        String decoration = a.text(-1, "decoration", style.decoration());
        String postfix = a.text(-1, "postfix", prepost.stripTrailing());
        int postfixCount = a.number(-1, "postfix_count", 1);
        String end = a.text(-1, "end", style.end());
        String text = PythonStyle.str(v);
        StringBuilder out = new StringBuilder();
        if (!beginning.isEmpty()) {
            out.append(beginning).append(newline);
        }
        if (!prefix.isEmpty()) {
            out.append((prefix.equals(newline) ? newline : prefix + newline).repeat(prefixCount));
        }
        out.append((decoration + text.replace(newline, newline + decoration))
                .replace(decoration + newline, decoration.stripTrailing() + newline));
        for (int i = 0; i < postfixCount; i++) {
            out.append(newline).append(postfix);
        }
        if (!end.isEmpty()) {
            out.append(newline).append(end);
        }
        return out.toString();
    }
}
