package dev.jinfra.template;

import static dev.jinfra.template.RejectedTemplates.assertRejected;
import static dev.jinfra.template.RejectedTemplates.assertRenderingRejected;
import static dev.jinfra.template.RejectedTemplates.render;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expressions Jinja2 cannot compile: empty, malformed, or naming a filter or test that does not exist. */
class BrokenExpressionsTest {
    @Test
    void anEmptyExpressionIsAnError() {
        assertRejected("{{ }}", 1, 1, "expected an expression in '{{ }}'");
    }

    @Test
    void anIfWithoutConditionIsAnError() {
        assertRejected("{% if %}a{% endif %}", 1, 1, "expected an expression in '{% if %}'");
    }

    @Test
    void anElifWithoutConditionIsAnError() {
        assertRejected("{% if x %}a{% elif %}b{% endif %}", 1, 12, "expected an expression in '{% elif %}'");
    }

    @Test
    void aLoopWithoutInIsAnError() {
        assertRejected("{% for x xs %}{% endfor %}", 1, 1, "expected 'for NAME in ITEMS' in '{% for x xs %}'");
    }

    @Test
    void aSetWithoutNameIsAnError() {
        assertRejected("{% set = 1 %}", 1, 1, "expected a variable name in '{% set = 1 %}'");
        assertRejected("{% set %}", 1, 1, "expected a variable name in '{% set %}'");
    }

    @Test
    void anOperatorWithoutItsRightSideIsAnErrorAtTheEndOfTheExpression() {
        assertRejected("{{ x + }}", 1, 6, "unexpected end of expression in '{{ x + }}'");
    }

    @Test
    void anUnexpectedTokenIsAnErrorAtThatToken() {
        assertRejected("{{ x.1a }}", 1, 5, "unexpected '.1', expected '}' in '{{ x.1a }}'");
    }

    @Test
    void aBrokenExpressionInABranchThatNeverRunsIsStillAnError() {
        assertRejected("{% if false %}\n{{ x + }}\n{% endif %}", 2, 6, "unexpected end of expression in '{{ x + }}'");
    }

    @Test
    void aBrokenLoopConditionIsAnError() {
        assertRejected(
                "{% for y in xs if y > %}{{ y }}{% endfor %}",
                1, 21, "unexpected end of expression in '{% for y in xs if y > %}'");
    }

    @Test
    void anUnknownFilterIsAnErrorAtItsName() {
        assertRejected("a\n {{ x | nosuch }}", 2, 9, "unknown filter 'nosuch' in '{{ x | nosuch }}'");
    }

    @Test
    void anUnknownFilterInASetOrFilterBlockIsAnError() {
        assertRejected("{% set y = x | nosuch %}", 1, 16, "unknown filter 'nosuch' in '{% set y = x | nosuch %}'");
        assertRejected(
                "{% filter nosuch %}a{% endfilter %}", 1, 11, "unknown filter 'nosuch' in '{% filter nosuch %}'");
    }

    @Test
    void anUnknownTestIsAnErrorAtItsName() {
        assertRejected("{{ x is nosuch }}", 1, 9, "unknown test 'nosuch' in '{{ x is nosuch }}'");
    }

    @Test
    void anUnknownFilterInALoopInsideAnIfIsAnErrorAsInJinja2() {
        assertRejected(
                "{% if false %}{% for y in xs %}{{ y | nosuch }}{% endfor %}{% endif %}",
                1, 39, "unknown filter 'nosuch' in '{{ y | nosuch }}'");
    }

    @Test
    void anUnknownFilterDirectlyInAnIfIsAnErrorOnlyWhenThatBranchRuns() {
        // Jinja2 defers these to run time, so that a template can guard a filter it is not sure exists.
        assertThat(render("{% if false %}{{ x | nosuch }}{% endif %}ok")).isEqualTo("ok");
        assertThat(render("{{ (x | nosuch) if false else 'ok' }}")).isEqualTo("ok");
        assertRenderingRejected(
                "{% if x %}{{ x | nosuch }}{% endif %}", 1, 18, "unknown filter 'nosuch' in '{{ x | nosuch }}'");
    }
}
