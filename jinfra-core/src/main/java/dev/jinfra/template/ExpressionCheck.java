package dev.jinfra.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.el.JinjavaELContext;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import dev.jinfra.template.Tag.Kind;
import dev.jinfra.template.Tag.Token;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import jinjava.de.odysseus.el.tree.TreeBuilderException;
import jinjava.javax.el.ELException;
import jinjava.javax.el.ExpressionFactory;

/**
 * Checks every expression of a template without evaluating it: each must parse, name only known filters and
 * tests, and not be empty. Jinja2 compiles the whole template before rendering, so it rejects a broken
 * expression even in a branch that never runs; Jinjava only parses an expression when it reaches it, and prints
 * an empty {@code {{ }}} as nothing.
 *
 * <p>Like Jinja2, an unknown filter or test inside an {@code if} block or an inline {@code if} expression is
 * not an error here: Jinja2 only fails there if that code runs, so a template may guard a filter it is not
 * sure exists.
 */
final class ExpressionCheck {
    private final ExpressionFactory factory;
    private final JinjavaELContext parseContext;
    private final Context names;
    private final TemplateSource source;

    private ExpressionCheck(Jinjava jinjava, JinjavaInterpreter interpreter, TemplateSource source) {
        this.factory = jinjava.getExpressionFactory();
        this.parseContext = new JinjavaELContext(interpreter, new JinjavaInterpreterResolver(interpreter));
        this.names = interpreter.getContext();
        this.source = source;
    }

    /** Throws {@link TemplateException} at the first expression Jinja2 would reject. */
    static void check(Jinjava jinjava, JinjavaInterpreter interpreter, TemplateSource source, List<Tag> tags) {
        ExpressionCheck check = new ExpressionCheck(jinjava, interpreter, source);
        Deque<String> blocks = new ArrayDeque<>();
        for (Tag tag : tags) {
            if (tag.kind() == Kind.STATEMENT && BlockStructure.closes(tag)) {
                blocks.pop();
            }
            if (tag.kind() == Kind.EXPRESSION || tag.kind() == Kind.STATEMENT) {
                check.tag(tag, insideIf(tag, blocks));
            }
            String opened = tag.kind() == Kind.STATEMENT ? BlockStructure.opens(tag) : null;
            if (opened != null) {
                blocks.push(opened);
            }
        }
    }

    /**
     * Whether Jinja2 compiles the tag in an if's frame: an if or elif condition, anything directly in an if block
     * (any other block inside it starts a frame of its own), or an inline if expression.
     */
    private static boolean insideIf(Tag tag, Deque<String> blocks) {
        if (tag.name().equals("if") || tag.name().equals("elif")) {
            return true;
        }
        if (!tag.name().equals("for") && tag.tokens().stream().anyMatch(t -> t.isName("if"))) {
            return true;
        }
        return "if".equals(blocks.peek());
    }

    private void tag(Tag tag, boolean insideIf) {
        List<Token> tokens = tag.tokens();
        switch (tag.kind() == Kind.EXPRESSION ? "{{" : tag.name()) {
            case "{{" -> parse(tag, 0, tokens.size(), false);
            case "if", "elif", "print" -> parse(tag, 1, tokens.size(), false);
            case "for" -> loop(tag);
            case "set" -> assignment(tag);
            default -> {}
        }
        if (!insideIf) {
            names(tag);
        }
    }

    /** {@code for TARGET in ITERABLE [if CONDITION] [recursive]}, as Jinja2's parser reads it. */
    private void loop(Tag tag) {
        List<Token> tokens = tag.tokens();
        int in = topLevel(tokens, 1, "in");
        if (in <= 1) {
            throw source.error(tag.start(), "expected 'for NAME in ITEMS' in '" + quote(tag) + "'");
        }
        int end = tokens.getLast().isName("recursive") ? tokens.size() - 1 : tokens.size();
        int condition = topLevel(tokens, in + 1, "if");
        if (condition < 0 || condition >= end) {
            parse(tag, in + 1, end, false);
        } else {
            parse(tag, in + 1, condition, false);
            parse(tag, condition + 1, end, false);
        }
    }

    /** {@code set x = value} needs a value; the block form {@code set x} needs a name. */
    private void assignment(Tag tag) {
        List<Token> tokens = tag.tokens();
        int equals = -1;
        int depth = 0;
        for (int i = 1; i < tokens.size() && equals < 0; i++) {
            depth += depthChange(tokens.get(i));
            if (depth == 0 && tokens.get(i).isOperator("=")) {
                equals = i;
            }
        }
        if (tokens.size() < 2 || equals == 1) {
            throw source.error(tag.start(), "expected a variable name in '" + quote(tag) + "'");
        }
        if (equals > 0) {
            // Jinjava reads the value as a list, so that "set a, b = 1, 2" can assign both.
            parse(tag, equals + 1, tokens.size(), true);
        }
    }

    /** The index of a keyword outside brackets, or -1. */
    private static int topLevel(List<Token> tokens, int from, String keyword) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            depth += depthChange(tokens.get(i));
            if (depth == 0 && tokens.get(i).isName(keyword)) {
                return i;
            }
        }
        return -1;
    }

    private static int depthChange(Token token) {
        if (token.type() != Token.Type.OPERATOR) {
            return 0;
        }
        return switch (token.text()) {
            case "(", "[", "{" -> 1;
            case ")", "]", "}" -> -1;
            default -> 0;
        };
    }

    /**
     * Parses tokens {@code from} (inclusive) to {@code to} (exclusive) with Jinjava's expression parser, inside
     * brackets when Jinjava reads them as a list.
     */
    private void parse(Tag tag, int from, int to, boolean asList) {
        if (from >= to) {
            throw source.error(tag.start(), "expected an expression in '" + quote(tag) + "'");
        }
        int start = tag.tokens().get(from).offset();
        String expression =
                source.text().substring(start, tag.tokens().get(to - 1).end());
        String prefix = asList ? "#{[" : "#{";
        try {
            factory.createValueExpression(parseContext, prefix + expression + (asList ? "]}" : "}"), Object.class);
        } catch (TreeBuilderException e) {
            // Positions count from the start of the wrapped text; what follows the expression is its end.
            int at = e.getPosition() - prefix.length();
            String expected = e.getExpected() != null && e.getExpected().matches("'[^']+'")
                    ? ", expected " + e.getExpected()
                    : "";
            if (at >= expression.length()) {
                throw source.error(
                        start + expression.length() - 1,
                        "unexpected end of expression" + expected + " in '" + quote(tag) + "'");
            }
            // Jinjava says "invalid character ';'" for what Jinja2 calls an unexpected character.
            String encountered = e.getEncountered().replaceFirst("^invalid character ", "character ");
            throw source.error(
                    start + Math.max(at, 0), "unexpected " + encountered + expected + " in '" + quote(tag) + "'");
        } catch (ELException e) {
            // Only the syntax matters here: functions and macros are looked up when the template renders.
        }
    }

    private void names(Tag tag) {
        TemplateException unknown = unknownName(names, source, tag);
        if (unknown != null) {
            throw unknown;
        }
    }

    /**
     * The first filter or test name in a tag that {@code names} does not know, as an error, or null. Filter
     * names follow {@code |} (and {@code {% filter %}}), test names follow {@code is} or {@code is not}.
     */
    static TemplateException unknownName(Context names, TemplateSource source, Tag tag) {
        List<Token> tokens = tag.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean filterTag = tag.name().equals("filter") && i == 1;
            if (token.isOperator("|") || filterTag) {
                int name = filterTag ? i : i + 1;
                String filter = dottedName(tokens, name);
                if (filter != null && names.getFilter(filter) == null) {
                    return unknown(source, tag, "filter", filter, tokens.get(name));
                }
            } else if (token.isName("is")) {
                int name = i + 1 < tokens.size() && tokens.get(i + 1).isName("not") ? i + 2 : i + 1;
                String test = dottedName(tokens, name);
                if (test != null && names.getExpTest(test) == null) {
                    return unknown(source, tag, "test", test, tokens.get(name));
                }
            }
        }
        return null;
    }

    /** {@code name} or {@code a.b.c} starting at token {@code i}, as Jinja2 reads filter and test names. */
    private static String dottedName(List<Token> tokens, int i) {
        if (i >= tokens.size() || tokens.get(i).type() != Token.Type.NAME) {
            return null;
        }
        StringBuilder name = new StringBuilder(tokens.get(i).text());
        while (i + 2 < tokens.size()
                && tokens.get(i + 1).isOperator(".")
                && tokens.get(i + 2).type() == Token.Type.NAME) {
            name.append('.').append(tokens.get(i + 2).text());
            i += 2;
        }
        return name.toString();
    }

    private static TemplateException unknown(TemplateSource source, Tag tag, String what, String name, Token at) {
        return source.error(
                at.offset(), "unknown " + what + " '" + name + "' in '" + source.quote(tag.start(), tag.end()) + "'");
    }

    private String quote(Tag tag) {
        return source.quote(tag.start(), tag.end());
    }
}
