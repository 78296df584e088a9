package dev.jinfra.template;

import static dev.jinfra.template.RejectedTemplates.assertRejected;

import org.junit.jupiter.api.Test;

/**
 * Statements that do not nest as Jinja2 requires, and tags Jinja2 does not know. Lines are those Jinja2 3.1.6
 * reports, except for unclosed blocks: Jinja2 names the end of the template, jinfra the tag left open.
 */
class BrokenBlocksTest {
    @Test
    void aStrayEndforIsAnError() {
        assertRejected("a\nb\n{% endfor %}\n", 3, 1, "unexpected '{% endfor %}': no 'for' block is open");
    }

    @Test
    void aStrayEndifIsAnError() {
        assertRejected("{% endif %}", 1, 1, "unexpected '{% endif %}': no 'if' block is open");
    }

    @Test
    void anUnclosedForIsAnErrorNamingTheForTag() {
        assertRejected(
                "a\n{% for x in xs %}\n{{ x }}\n", 2, 1, "'{% for x in xs %}' is not closed with '{% endfor %}'");
    }

    @Test
    void anUnclosedIfIsAnError() {
        assertRejected("{% if x %}a", 1, 1, "'{% if x %}' is not closed with '{% endif %}'");
    }

    @Test
    void unclosedBlockMacroFilterAndSetBlocksAreErrors() {
        assertRejected("{% block b %}x", 1, 1, "'{% block b %}' is not closed with '{% endblock %}'");
        assertRejected("{% macro m() %}x", 1, 1, "'{% macro m() %}' is not closed with '{% endmacro %}'");
        assertRejected("{% filter upper %}x", 1, 1, "'{% filter upper %}' is not closed with '{% endfilter %}'");
        assertRejected("{% set y %}x", 1, 1, "'{% set y %}' is not closed with '{% endset %}'");
    }

    @Test
    void anEndTagForAnOuterBlockIsAnErrorNamingTheInnerOne() {
        assertRejected(
                "{% if x %}\n{% for y in xs %}\n{% endif %}\n{% endfor %}\n",
                3, 1, "unexpected '{% endif %}', expected '{% endfor %}' to close '{% for y in xs %}' (line 2)");
    }

    @Test
    void aSecondElseIsAnError() {
        assertRejected(
                "{% if x %}a{% else %}b{% else %}c{% endif %}",
                1, 23, "unexpected second '{% else %}' in '{% if x %}' (line 1)");
    }

    @Test
    void anElifAfterTheElseIsAnError() {
        assertRejected(
                "{% if x %}a{% else %}b{% elif x %}c{% endif %}",
                1, 23, "unexpected '{% elif x %}' after the '{% else %}' of '{% if x %}' (line 1)");
    }

    @Test
    void anElseOutsideAnyBlockIsAnError() {
        assertRejected("a\n{% else %}\n", 2, 1, "unexpected '{% else %}' outside an 'if' or 'for' block");
    }

    @Test
    void elseIfWrittenAsTwoWordsIsAnError() {
        assertRejected("{% if x %}a{% else if y %}b{% endif %}", 1, 20, "unexpected 'if' in '{% else if y %}'");
    }

    @Test
    void wordsAfterAnEndTagAreAnError() {
        assertRejected("{% if x %}a{% endif x %}", 1, 21, "unexpected 'x' in '{% endif x %}'");
    }

    @Test
    void anUnknownTagIsAnErrorAtItsName() {
        assertRejected("a\n{% foo bar %}\n", 2, 4, "unknown tag 'foo' in '{% foo bar %}'");
    }

    @Test
    void aTagOnlyJinjavaKnowsIsAnErrorAsInJinja2() {
        assertRejected(
                "{% for x in xs %}{% do xs.append(1) %}{% endfor %}",
                1, 21, "unknown tag 'do' in '{% do xs.append(1) %}'");
    }

    @Test
    void aTagWithoutANameIsAnError() {
        assertRejected("{% %}", 1, 1, "tag name expected in '{% %}'");
    }

    @Test
    void aJinja2TagJinjavaLacksIsAnErrorSayingSo() {
        // Jinja2 renders this; Jinjava has no "with" tag.
        assertRejected(
                "{% with a = 1 %}{{ a }}{% endwith %}",
                1, 4, "tag 'with' is not supported by jinfra's template engine");
    }
}
