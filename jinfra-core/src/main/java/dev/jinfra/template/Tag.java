package dev.jinfra.template;

import java.util.List;

/**
 * One {@code {{ }}}, {@code {% %}}, {@code {# #}} or whole {@code {% raw %}...{% endraw %}} section of a
 * template, as Jinja2's lexer delimits it. {@code start} and {@code end} include the delimiters; {@code tokens}
 * are what stands between them, without whitespace and whitespace-control marks.
 */
record Tag(Kind kind, int start, int end, List<Token> tokens) {
    enum Kind {
        EXPRESSION,
        STATEMENT,
        COMMENT,
        RAW
    }

    /** A name, number, string literal or operator inside a tag, at its offset in the template. */
    record Token(Type type, String text, int offset) {
        enum Type {
            NAME,
            NUMBER,
            STRING,
            OPERATOR
        }

        int end() {
            return offset + text.length();
        }

        boolean isName(String name) {
            return type == Type.NAME && text.equals(name);
        }

        boolean isOperator(String operator) {
            return type == Type.OPERATOR && text.equals(operator);
        }
    }

    /** A statement's tag name ({@code for}, {@code endif}...), or an empty string when it has none. */
    String name() {
        if (kind != Kind.STATEMENT || tokens.isEmpty() || tokens.getFirst().type() != Token.Type.NAME) {
            return "";
        }
        return tokens.getFirst().text();
    }
}
