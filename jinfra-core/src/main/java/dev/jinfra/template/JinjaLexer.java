package dev.jinfra.template;

import dev.jinfra.template.Tag.Kind;
import dev.jinfra.template.Tag.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a template's tags the way Jinja2's lexer does, and rejects what that lexer rejects. Jinjava is more
 * forgiving: it renders an unclosed {@code {{ workers }} or an unterminated string as plain text, so without
 * this pass a broken template would be installed verbatim.
 *
 * <p>Like Jinja2, a tag ends at the first {@code }}}} or {@code %}} outside string literals and brackets, so
 * {@code {{ '}}' }}} and {@code {{ {'a': {'b': 1}} }}} are single tags, a closing bracket without its opening
 * one is an error, and {@code {% raw %}} sections are not looked into. Text outside tags is never an error:
 * a lone {@code {} or {@code }} is just text.
 */
final class JinjaLexer {
    private static final Pattern RAW_BEGIN = Pattern.compile("\\{%[-+]?\\s*raw\\s*-?%}");
    private static final Pattern RAW_END = Pattern.compile("\\{%[-+]?\\s*endraw\\s*[-+]?%}");
    private static final String[] TWO_CHAR_OPERATORS = {"**", "//", "==", "!=", ">=", "<="};
    private static final String ONE_CHAR_OPERATORS = "+-/*%~[](){}=.:|,;<>";

    private final TemplateSource source;
    private final String text;
    private final List<Tag> tags = new ArrayList<>();

    private JinjaLexer(TemplateSource source) {
        this.source = source;
        this.text = source.text();
    }

    /** The template's tags in order; throws {@link TemplateException} at the first lexical error. */
    static List<Tag> tags(TemplateSource source) {
        JinjaLexer lexer = new JinjaLexer(source);
        lexer.run();
        return List.copyOf(lexer.tags);
    }

    private void run() {
        int pos = 0;
        while (true) {
            int open = nextOpening(pos);
            if (open < 0) {
                return;
            }
            char kind = text.charAt(open + 1);
            Matcher raw = RAW_BEGIN.matcher(text).region(open, text.length());
            if (kind == '%' && raw.lookingAt()) {
                pos = raw(open, raw.end());
            } else if (kind == '#') {
                pos = comment(open);
            } else {
                pos = tag(open, kind == '{' ? Kind.EXPRESSION : Kind.STATEMENT);
            }
        }
    }

    private int nextOpening(int from) {
        for (int i = text.indexOf('{', from); i >= 0 && i + 1 < text.length(); i = text.indexOf('{', i + 1)) {
            char next = text.charAt(i + 1);
            if (next == '{' || next == '%' || next == '#') {
                return i;
            }
        }
        return -1;
    }

    private int raw(int open, int bodyStart) {
        Matcher end = RAW_END.matcher(text);
        if (!end.find(bodyStart)) {
            throw source.error(open, "'" + source.quote(open, bodyStart) + "' is not closed with '{% endraw %}'");
        }
        tags.add(new Tag(Kind.RAW, open, end.end(), List.of()));
        return end.end();
    }

    private int comment(int open) {
        int close = text.indexOf("#}", open + 2);
        if (close < 0) {
            throw source.error(open, "comment '" + source.quoteFrom(open) + "' is not closed with '#}'");
        }
        tags.add(new Tag(Kind.COMMENT, open, close + 2, List.of()));
        return close + 2;
    }

    /** Reads tokens up to the closing delimiter, tracking brackets as Jinja2 does. */
    private int tag(int open, Kind kind) {
        String close = kind == Kind.EXPRESSION ? "}}" : "%}";
        List<Token> tokens = new ArrayList<>();
        Deque<Character> brackets = new ArrayDeque<>();
        int pos = open + 2;
        if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
            pos++;
        }
        while (true) {
            if (pos >= text.length()) {
                throw source.error(open, "'" + source.quoteFrom(open) + "' is not closed with '" + close + "'");
            }
            int end = brackets.isEmpty() ? closingAt(pos, kind) : -1;
            if (end >= 0) {
                tags.add(new Tag(kind, open, end, List.copyOf(tokens)));
                return end;
            }
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '"' || c == '\'') {
                pos = string(open, pos, tokens);
            } else if (Character.isDigit(c)) {
                pos = word(pos, Token.Type.NUMBER, tokens);
            } else if (Character.isLetter(c) || c == '_') {
                pos = word(pos, Token.Type.NAME, tokens);
            } else {
                pos = operator(open, pos, brackets, tokens);
            }
        }
    }

    /** Where the tag ends if its closing delimiter (with an optional whitespace-control mark) starts here. */
    private int closingAt(int pos, Kind kind) {
        if (kind == Kind.EXPRESSION) {
            return text.startsWith("-}}", pos) ? pos + 3 : text.startsWith("}}", pos) ? pos + 2 : -1;
        }
        if (text.startsWith("-%}", pos) || text.startsWith("+%}", pos)) {
            return pos + 3;
        }
        return text.startsWith("%}", pos) ? pos + 2 : -1;
    }

    private int string(int open, int quote, List<Token> tokens) {
        char delimiter = text.charAt(quote);
        for (int i = quote + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == delimiter) {
                tokens.add(new Token(Token.Type.STRING, text.substring(quote, i + 1), quote));
                return i + 1;
            }
        }
        throw source.error(
                quote, "unterminated string in '" + source.quoteFrom(Math.max(open, source.lineStart(quote))) + "'");
    }

    // Numbers need no exact reading here: every character they can hold is also valid in a name or operator.
    private int word(int start, Token.Type type, List<Token> tokens) {
        int pos = start;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            boolean fraction = type == Token.Type.NUMBER
                    && c == '.'
                    && pos + 1 < text.length()
                    && Character.isDigit(text.charAt(pos + 1));
            if (!(Character.isLetterOrDigit(c) || c == '_' || fraction)) {
                break;
            }
            pos++;
        }
        tokens.add(new Token(type, text.substring(start, pos), start));
        return pos;
    }

    private int operator(int open, int pos, Deque<Character> brackets, List<Token> tokens) {
        for (String two : TWO_CHAR_OPERATORS) {
            if (text.startsWith(two, pos)) {
                tokens.add(new Token(Token.Type.OPERATOR, two, pos));
                return pos + 2;
            }
        }
        char c = text.charAt(pos);
        if (ONE_CHAR_OPERATORS.indexOf(c) < 0) {
            throw source.error(pos, "unexpected character '" + c + "' in '" + source.quoteUpTo(open, pos) + "'");
        }
        switch (c) {
            case '(' -> brackets.push(')');
            case '[' -> brackets.push(']');
            case '{' -> brackets.push('}');
            case ')', ']', '}' -> {
                if (brackets.isEmpty()) {
                    throw source.error(pos, "unexpected '" + c + "' in '" + source.quoteUpTo(open, pos) + "'");
                }
                char expected = brackets.pop();
                if (expected != c) {
                    throw source.error(
                            pos,
                            "unexpected '" + c + "', expected '" + expected + "' in '" + source.quoteUpTo(open, pos)
                                    + "'");
                }
            }
            default -> {}
        }
        tokens.add(new Token(Token.Type.OPERATOR, String.valueOf(c), pos));
        return pos + 1;
    }
}
