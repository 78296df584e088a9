package dev.jinfra.template;

import dev.jinfra.template.Tag.Kind;
import dev.jinfra.template.Tag.Token;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Checks that statements nest as Jinja2's parser requires: every block tag has its end tag, end tags close the
 * innermost open block, {@code elif} and {@code else} stand only where they belong, and only Jinja2's own tag
 * names are used. Jinjava lets several of these through (a stray {@code {% endfor %}} is only a warning, a
 * second {@code {% else %}} is ignored) and knows tags Jinja2 does not ({@code do}, {@code break}...), which
 * would make a template work here and fail under pyinfra or Ansible.
 */
final class BlockStructure {
    /** Tags that open a block closed by {@code end<name>}; {@code set} does so only without {@code =}. */
    private static final Set<String> BLOCKS =
            Set.of("for", "if", "block", "macro", "call", "filter", "with", "autoescape");

    private static final Set<String> SINGLE = Set.of("extends", "include", "import", "from", "print");

    private final TemplateSource source;
    private final Deque<Open> open = new ArrayDeque<>();

    /** An open block while scanning: its tag and whether it has had its {@code else}. */
    private static final class Open {
        final Tag tag;
        final String name;
        boolean hasElse;

        Open(Tag tag, String name) {
            this.tag = tag;
            this.name = name;
        }
    }

    private BlockStructure(TemplateSource source) {
        this.source = source;
    }

    /** Throws {@link TemplateException} at the first statement that Jinja2's parser would reject. */
    static void check(TemplateSource source, List<Tag> tags) {
        BlockStructure structure = new BlockStructure(source);
        for (Tag tag : tags) {
            if (tag.kind() == Kind.STATEMENT) {
                structure.statement(tag);
            }
        }
        structure.finish();
    }

    private void statement(Tag tag) {
        String name = tag.name();
        if (name.isEmpty()) {
            throw source.error(tag.start(), "tag name expected in '" + quote(tag) + "'");
        }
        if (name.equals("set") && tag.tokens().size() < 2) {
            throw source.error(tag.start(), "expected a variable name in '" + quote(tag) + "'");
        }
        if (opens(tag) != null) {
            open.push(new Open(tag, name));
        } else if (name.equals("elif")) {
            elif(tag);
        } else if (name.equals("else")) {
            otherwise(tag);
        } else if (closes(tag)) {
            end(tag, name.substring(3));
        } else if (!SINGLE.contains(name) && !name.equals("set")) {
            throw source.error(tag.tokens().getFirst().offset(), "unknown tag '" + name + "' in '" + quote(tag) + "'");
        }
    }

    /** The block a statement opens ({@code for}, {@code if}, a block {@code set}...), or null. */
    static String opens(Tag tag) {
        String name = tag.name();
        return BLOCKS.contains(name) || (name.equals("set") && isBlockSet(tag)) ? name : null;
    }

    /** Whether a statement is an end tag such as {@code endfor}. */
    static boolean closes(Tag tag) {
        String name = tag.name();
        return name.startsWith("end") && isBlockName(name.substring(3));
    }

    private static boolean isBlockName(String name) {
        return BLOCKS.contains(name) || name.equals("set");
    }

    /** {@code {% set x %}...{% endset %}} captures its body; {@code {% set x = 1 %}} does not. */
    private static boolean isBlockSet(Tag tag) {
        int depth = 0;
        for (Token token : tag.tokens()) {
            switch (token.text()) {
                case "(", "[", "{" -> depth++;
                case ")", "]", "}" -> depth--;
                case "=" -> {
                    if (depth == 0 && token.type() == Token.Type.OPERATOR) {
                        return false;
                    }
                }
                default -> {}
            }
        }
        return true;
    }

    private void elif(Tag tag) {
        Open top = open.peek();
        if (top == null || !top.name.equals("if")) {
            throw source.error(tag.start(), "unexpected '" + quote(tag) + "' outside an 'if' block");
        }
        if (top.hasElse) {
            throw source.error(tag.start(), "unexpected '" + quote(tag) + "' after the '{% else %}' of " + where(top));
        }
    }

    private void otherwise(Tag tag) {
        Open top = open.peek();
        if (top == null || !(top.name.equals("if") || top.name.equals("for"))) {
            throw source.error(tag.start(), "unexpected '{% else %}' outside an 'if' or 'for' block");
        }
        if (top.hasElse) {
            throw source.error(tag.start(), "unexpected second '{% else %}' in " + where(top));
        }
        nothingAfterName(tag, 1);
        top.hasElse = true;
    }

    private void end(Tag tag, String block) {
        Open top = open.peek();
        if (top == null) {
            throw source.error(tag.start(), "unexpected '" + quote(tag) + "': no '" + block + "' block is open");
        }
        if (!top.name.equals(block)) {
            throw source.error(
                    tag.start(),
                    "unexpected '" + quote(tag) + "', expected '{% end" + top.name + " %}' to close " + where(top));
        }
        // Jinja2 allows the block's name after endblock ({% endblock content %}), nothing else after an end tag.
        nothingAfterName(tag, block.equals("block") ? 2 : 1);
        open.pop();
    }

    private void nothingAfterName(Tag tag, int allowed) {
        if (tag.tokens().size() > allowed) {
            Token extra = tag.tokens().get(allowed);
            throw source.error(extra.offset(), "unexpected '" + extra.text() + "' in '" + quote(tag) + "'");
        }
    }

    private void finish() {
        Open innermost = open.peek();
        if (innermost != null) {
            throw source.error(
                    innermost.tag.start(),
                    "'" + quote(innermost.tag) + "' is not closed with '{% end" + innermost.name + " %}'");
        }
    }

    private String where(Open block) {
        return "'" + quote(block.tag) + "' (line " + source.line(block.tag.start()) + ")";
    }

    private String quote(Tag tag) {
        return source.quote(tag.start(), tag.end());
    }
}
