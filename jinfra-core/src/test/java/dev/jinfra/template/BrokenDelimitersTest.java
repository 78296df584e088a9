package dev.jinfra.template;

import static dev.jinfra.template.RejectedTemplates.assertRejected;

import org.junit.jupiter.api.Test;

/**
 * Tags whose delimiters or string literals are broken. Jinjava would render most of these as plain text; Jinja2
 * rejects them all, on the line given here (checked with Jinja2 3.1.6), except where a test says otherwise.
 */
class BrokenDelimitersTest {
    @Test
    void anExpressionClosedWithOneBraceIsAnErrorAtThatBrace() {
        assertRejected(
                "worker_processes auto;\nevents {\n  worker_connections {{ workers };\n}\n",
                3,
                33,
                "unexpected '}' in '{{ workers }'");
    }

    @Test
    void anExpressionThatIsNeverClosedIsAnErrorWhereItOpens() {
        // Jinja2 reports the line where it gives up looking (3); the opening line is where the fix goes.
        assertRejected("a\n{{ port\nb\n", 2, 1, "'{{ port' is not closed with '}}'");
    }

    @Test
    void aStatementThatIsNeverClosedIsAnErrorWhereItOpens() {
        assertRejected("a\n{% if enabled\nb\n", 2, 1, "'{% if enabled' is not closed with '%}'");
    }

    @Test
    void anUnterminatedStringIsAnErrorAtItsQuote() {
        assertRejected("listen {{ \"unterminated }};\n", 1, 11, "unterminated string in '{{ \"unterminated }};'");
    }

    @Test
    void anUnterminatedStringSwallowsTheClosingDelimiterEvenAcrossLines() {
        assertRejected("a\nport = {{ 'abc\n }}\n", 2, 11, "unterminated string in '{{ 'abc'");
    }

    @Test
    void aStringEndingInABackslashIsUnterminated() {
        assertRejected("{{ \"a\\\" }}", 1, 4, "unterminated string in '{{ \"a\\\" }}'");
    }

    @Test
    void aCommentThatIsNeverClosedIsAnError() {
        assertRejected("a\n{# note\nb\n", 2, 1, "comment '{# note' is not closed with '#}'");
    }

    @Test
    void aShellArrayLengthOpensACommentAsInJinja2() {
        assertRejected("echo ${#hosts[@]}\n", 1, 7, "comment '{#hosts[@]}' is not closed with '#}'");
    }

    @Test
    void aRawSectionThatIsNeverClosedIsAnError() {
        assertRejected("a\n{% raw %}\n{{ x }}\n", 2, 1, "'{% raw %}' is not closed with '{% endraw %}'");
    }

    @Test
    void aClosingParenthesisWithoutItsOpeningOneIsAnError() {
        assertRejected("{{ port ) }}", 1, 9, "unexpected ')' in '{{ port )'");
    }

    @Test
    void aBracketClosedByTheWrongKindIsAnError() {
        assertRejected("{{ (port }}", 1, 10, "unexpected '}', expected ')' in '{{ (port }'");
    }

    @Test
    void aStrayBraceOnALaterLineOfATagIsAnErrorOnThatLine() {
        assertRejected("{{ x ~\n  port }\n}}", 2, 8, "unexpected '}' in '...port }'");
    }

    @Test
    void aCharacterJinja2DoesNotKnowIsAnError() {
        assertRejected("{{ ${port} }}", 1, 4, "unexpected character '$' in '{{ $'");
    }

    @Test
    void anOpenListAtTheEndOfAStatementIsAnError() {
        assertRejected("{% set a = [1 %}", 1, 16, "unexpected '}', expected ']' in '{% set a = [1 %}'");
    }
}
