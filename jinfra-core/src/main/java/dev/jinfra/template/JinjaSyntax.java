package dev.jinfra.template;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites Jinja2 syntax Jinjava does not parse into equivalent Jinjava syntax before rendering. It works on the
 * tags {@link JinjaLexer} found, so text outside tags and inside {@code {% raw %}} is never touched. Rewrites
 * never add or remove newlines, so error line numbers still point at the user's file.
 */
final class JinjaSyntax {
    private JinjaSyntax() {}

    private static final Pattern TAG = Pattern.compile("\\{%(-?)\\s*(\\w+)(.*?)\\s*(-?)%}", Pattern.DOTALL);
    private static final Pattern FOR_IF = Pattern.compile("(.+?)\\s+in\\s+(.+?)\\s+if\\s+(.+)", Pattern.DOTALL);
    private static final Pattern FOR_IN = Pattern.compile("(.+?)\\s+in\\s+(.+)", Pattern.DOTALL);
    // "text" % (a, b)  or  "text" % name.attr  ->  "text"|format(...)
    private static final Pattern PERCENT =
            Pattern.compile("(\"[^\"]*\"|'[^']*')\\s*%\\s*(?:\\(([^()]*)\\)|([A-Za-z_][\\w.]*))");

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
        StringBuilder out = new StringBuilder(source.length() + 64);
        Deque<Block> open = new ArrayDeque<>();
        int pos = 0;
        for (Tag tag : tags) {
            out.append(source, pos, tag.start());
            String text = source.substring(tag.start(), tag.end());
            switch (tag.kind()) {
                case COMMENT, RAW -> out.append(text);
                case EXPRESSION -> out.append(percentFormat(text));
                case STATEMENT -> out.append(loops(percentFormat(text), open));
            }
            pos = tag.end();
        }
        return out.append(source, pos, source.length()).toString();
    }

    private static String percentFormat(String tag) {
        return PERCENT.matcher(tag)
                .replaceAll(m -> Matcher.quoteReplacement(
                        m.group(1) + "|format(" + (m.group(2) != null ? m.group(2) : m.group(3)) + ")"));
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
