package dev.jinfra.template;

import dev.jinfra.template.Tag.Token;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites Jinja2 syntax Jinjava does not parse into equivalent Jinjava syntax before rendering. It works on the
 * tags {@link JinjaLexer} found, so text outside tags and inside {@code {% raw %}} is never touched. Rewrites
 * keep every newline (whitespace they strip leaves its newlines in an empty comment), so error line numbers
 * still point at the user's file.
 */
final class JinjaSyntax {
    private JinjaSyntax() {}

    private static final Pattern TAG = Pattern.compile("\\{%(-?)\\s*(\\w+)(.*?)\\s*(-?)%}", Pattern.DOTALL);
    private static final Pattern FOR_IF = Pattern.compile("(.+?)\\s+in\\s+(.+?)\\s+if\\s+(.+)", Pattern.DOTALL);
    private static final Pattern FOR_IN = Pattern.compile("(.+?)\\s+in\\s+(.+)", Pattern.DOTALL);
    // "text" % (a, b)  or  "text" % name.attr  ->  "text"|format(...)
    private static final Pattern PERCENT =
            Pattern.compile("(\"[^\"]*\"|'[^']*')\\s*%\\s*(?:\\(([^()]*)\\)|([A-Za-z_][\\w.]*))");
    private static final Pattern RAW_TAGS =
            Pattern.compile("\\{%([-+]?)\\s*raw\\s*(-?)%}(.*)\\{%([-+]?)\\s*endraw\\s*([-+]?)%}", Pattern.DOTALL);

    /** An open {@code for} or {@code if} block while scanning. */
    private static final class Block {
        final boolean loop;
        final String iterable;
        boolean filterOpen; // the if inserted for "for ... if cond" still needs its endif
        boolean inElse; // the loop's else became an if after the loop

        Block(boolean loop, String iterable, boolean filtered) {
            this.loop = loop;
            this.iterable = iterable;
            this.filterOpen = filtered;
        }
    }

    static String rewrite(String source, List<Tag> tags) {
        return rewrite(source, tags, false);
    }

    /**
     * @param trimBlocks Jinja2's {@code trim_blocks} is on: Jinja2 drops the line break after every block tag but
     *     {@code {% raw %}}, Jinjava after that one too, so a line break is printed before it for the one Jinjava
     *     drops (by an expression: a line break in the text would move later lines)
     */
    static String rewrite(String source, List<Tag> tags, boolean trimBlocks) {
        StringBuilder out = new StringBuilder(source.length() + 64);
        Deque<Block> open = new ArrayDeque<>();
        int pos = 0;
        Tag previous = null;
        for (Tag tag : tags) {
            text(source.substring(pos, tag.start()), stripsAfter(source, previous), stripsBefore(source, tag), out);
            String text = source.substring(tag.start(), tag.end());
            switch (tag.kind()) {
                case COMMENT -> out.append(text);
                case EXPRESSION -> out.append(percentFormat(separateClosingBraces(source, tag)));
                case STATEMENT -> out.append(loops(percentFormat(withoutPlusMarks(text)), open));
                case RAW -> raw(text, trimBlocks, out);
            }
            pos = tag.end();
            previous = tag;
        }
        text(source.substring(pos), stripsAfter(source, previous), false, out);
        return out.toString();
    }

    /*
     * Jinjava applies whitespace control only to statements. For expressions, comments and raw sections it is
     * done here: whitespace beside "{{-", "-}}", "{#-", "-#}", "{%- raw" and "endraw -%}" is left out.
     */
    private static boolean stripsAfter(String source, Tag tag) {
        return tag != null && tag.kind() != Tag.Kind.STATEMENT && source.charAt(tag.end() - 3) == '-';
    }

    private static boolean stripsBefore(String source, Tag tag) {
        return tag.kind() != Tag.Kind.STATEMENT && source.charAt(tag.start() + 2) == '-';
    }

    /**
     * Text between tags, with whitespace stripped at either end as asked. Stripped newlines are kept in an empty
     * comment on the stripped side, so later lines keep their numbers and Jinjava's own stripping beside a
     * statement on the other side still reaches the text.
     */
    private static void text(String text, boolean stripStart, boolean stripEnd, StringBuilder out) {
        String kept = stripStart ? text.stripLeading() : text;
        int before = newlines(text.substring(0, text.length() - kept.length()));
        String rest = stripEnd ? kept.stripTrailing() : kept;
        int after = newlines(kept.substring(rest.length()));
        out.append(newlineComment(before)).append(rest).append(newlineComment(after));
    }

    private static String newlineComment(int newlines) {
        return newlines == 0 ? "" : "{#" + "\n".repeat(newlines) + "#}";
    }

    private static String percentFormat(String tag) {
        return PERCENT.matcher(tag)
                .replaceAll(m -> Matcher.quoteReplacement(
                        m.group(1) + "|format(" + (m.group(2) != null ? m.group(2) : m.group(3)) + ")"));
    }

    /**
     * Jinjava ends an expression at the first {@code }}}, even inside a dict literal such as
     * {@code {{ {'a': {'b': 1}} }}}; a space between inner closing braces keeps the expression whole.
     */
    private static String separateClosingBraces(String source, Tag tag) {
        StringBuilder out = new StringBuilder();
        int pos = tag.start();
        List<Token> tokens = tag.tokens();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token brace = tokens.get(i);
            if (brace.isOperator("}")
                    && tokens.get(i + 1).isOperator("}")
                    && tokens.get(i + 1).offset() == brace.end()) {
                out.append(source, pos, brace.end()).append(' ');
                pos = brace.end();
            }
        }
        return out.append(source, pos, tag.end()).toString();
    }

    /**
     * Jinja2's {@code {%+} and {@code +%}} only turn off whitespace trimming that is not on here anyway; Jinjava
     * does not know them.
     */
    private static String withoutPlusMarks(String tag) {
        String out = tag.startsWith("{%+") ? "{% " + tag.substring(3) : tag;
        return out.endsWith("+%}") ? out.substring(0, out.length() - 3) + " %}" : out;
    }

    /**
     * Jinjava misses {@code {% endraw %}} when it carries a whitespace-control mark, and ignores the mark on
     * {@code {% raw -%}}. Plain raw tags are written instead, with the whitespace inside stripped as Jinja2 does;
     * the text outside is stripped by {@link #text}.
     */
    private static void raw(String text, boolean trimBlocks, StringBuilder out) {
        Matcher m = RAW_TAGS.matcher(text);
        if (!m.matches()) {
            out.append(text);
            return;
        }
        String body = m.group(3);
        String kept = m.group(2).equals("-") ? body.stripLeading() : body;
        kept = m.group(4).equals("-") ? kept.stripTrailing() : kept;
        out.append(newlineComment(newlines(body) - newlines(kept)));
        out.append(trimBlocks && kept.startsWith("\n") ? "{{ '\\n' }}" : "")
                .append("{% raw %}")
                .append(kept)
                .append("{% endraw %}");
    }

    private static int newlines(String s) {
        return (int) s.chars().filter(c -> c == '\n').count();
    }

    /**
     * Loop forms Jinjava lacks. {@code {% for x in xs if cond %}} becomes {@code {% for x in xs %}{% if cond %}}
     * (so, unlike Jinja2, {@code loop.index} counts skipped items too). A loop's {@code {% else %}}, which Jinjava
     * ignores, becomes {@code {% endfor %}{% if not (xs) %}} (for a filtered loop it runs only when {@code xs} is
     * empty, not when every item was filtered out). Whitespace control marks stay on the outermost tags.
     */
    private static String loops(String tag, Deque<Block> open) {
        Matcher m = TAG.matcher(tag);
        if (!m.matches()) {
            return tag;
        }
        String left = "{%" + m.group(1) + " ";
        String right = " " + m.group(4) + "%}";
        String replacement = tag;
        Block top = open.peek();
        switch (m.group(2)) {
            case "for" -> {
                Matcher f = FOR_IF.matcher(m.group(3).strip());
                if (f.matches()) {
                    replacement = left + "for " + f.group(1) + " in " + f.group(2) + " %}{% if " + f.group(3) + right;
                    open.push(new Block(true, f.group(2), true));
                } else {
                    Matcher plain = FOR_IN.matcher(m.group(3).strip());
                    open.push(new Block(true, plain.matches() ? plain.group(2) : null, false));
                }
            }
            case "if" -> open.push(new Block(false, null, false));
            case "endif" -> pop(open, false);
            case "else" -> {
                if (top != null && top.loop && top.iterable != null) {
                    replacement = left + (top.filterOpen ? "endif %}{% " : "") + "endfor %}{% if not (" + top.iterable
                            + ")" + right;
                    top.filterOpen = false;
                    top.inElse = true;
                }
            }
            case "endfor" -> {
                if (top != null && top.loop && (top.inElse || top.filterOpen)) {
                    replacement = top.inElse ? left + "endif" + right : left + "endif %}{% endfor" + right;
                }
                pop(open, true);
            }
            default -> {}
        }
        return replacement;
    }

    // The block structure was checked before rewriting; this only keeps the stack in step.
    private static void pop(Deque<Block> open, boolean loop) {
        if (!open.isEmpty() && open.peek().loop == loop) {
            open.pop();
        }
    }
}
