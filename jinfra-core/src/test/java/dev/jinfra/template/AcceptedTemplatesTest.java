package dev.jinfra.template;

import static dev.jinfra.template.RejectedTemplates.render;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Templates that look broken but that Jinja2 renders; the expected outputs are Jinja2 3.1.6's. The strict
 * checks must not reject any of them.
 */
class AcceptedTemplatesTest {
    @Test
    void loneBracesInTextAreText() {
        assertThat(render("server { listen 80; }\na } b { c\n}}\n"))
                .isEqualTo("server { listen 80; }\na } b { c\n}}\n");
    }

    @Test
    void shellVariablesInTextAreText() {
        assertThat(render("HOME=$HOME ${HOME}\n")).isEqualTo("HOME=$HOME ${HOME}\n");
    }

    @Test
    void closingDelimitersInsideStringsDoNotEndTheTag() {
        assertThat(render("{{ '}}' }}")).isEqualTo("}}");
        assertThat(render("{{ \"a\" ~ \"}\" }}")).isEqualTo("a}");
        assertThat(render("{{ x | default(\"}}\") }}")).isEqualTo("v");
        assertThat(render("{% if '%}' == x %}y{% else %}n{% endif %}")).isEqualTo("n");
    }

    @Test
    void openingDelimitersInsideStringsAreText() {
        assertThat(render("{{ '{{' }}")).isEqualTo("{{");
    }

    @Test
    void escapedQuotesStayInsideTheString() {
        assertThat(render("{{ \"a\\\"b\" }} {{ 'it\\'s' }}")).isEqualTo("a\"b it's");
    }

    @Test
    void aBraceAfterAnExpressionIsText() {
        assertThat(render("{{ x }}}")).isEqualTo("v}");
    }

    @Test
    void nestedDictLiteralsCloseTheirOwnBraces() {
        assertThat(render("{{ {'a': {'b': 1}} }}")).isEqualTo("{'a': {'b': 1}}");
        assertThat(render("{% set d = {'k': {'v': 1}} %}{{ d.k.v }}")).isEqualTo("1");
    }

    @Test
    void rawSectionsAreNotLookedInto() {
        assertThat(render("{% raw %}{{ x }{% endraw %}")).isEqualTo("{{ x }");
        assertThat(render("{% raw %}{% endfor %}{{ \"%s\" % x }}{% endraw %}"))
                .isEqualTo("{% endfor %}{{ \"%s\" % x }}");
        assertThat(render("{% raw %}{% for x in xs if x %}{% endraw %}")).isEqualTo("{% for x in xs if x %}");
    }

    @Test
    void rawSectionsHonourWhitespaceControl() {
        assertThat(render("a\n{%- raw -%}\n {{ x } \n{%- endraw -%}\n!")).isEqualTo("a{{ x }!");
        assertThat(render("{% raw -%} {{ }} {% endraw %}")).isEqualTo("{{ }} ");
        assertThat(render("{% raw %} {{ }} {%- endraw %}")).isEqualTo(" {{ }}");
    }

    @Test
    void commentsMayHoldAnything() {
        assertThat(render("{# {{ x } {% endfor %} #}ok")).isEqualTo("ok");
    }

    @Test
    void expressionsAndCommentsHonourWhitespaceControl() {
        assertThat(render("a  {{- x -}}  b")).isEqualTo("avb");
        assertThat(render("a\n  {#- c -#}\n  b\n{{ x }}")).isEqualTo("ab\nv");
        assertThat(render("a  {{- x }}\n  {%- if x -%}  b  {%- endif %}  {{ x -}}  \n c"))
                .isEqualTo("avb  vc");
    }

    @Test
    void whitespaceControlKeepsLineNumbersOfLaterErrors() {
        RejectedTemplates.assertRejected(
                "a\n\n{{- x -}}\n\n{{ x + }}", 5, 6, "unexpected end of expression in '{{ x + }}'");
    }

    @Test
    void plusMarksOnStatementsAreAccepted() {
        assertThat(render("{%+ if x +%}y{% endif %}")).isEqualTo("y");
    }

    @Test
    void percentSignsInTextAreNotFormatting() {
        assertThat(render("progress: \"50\" % (done)\n")).isEqualTo("progress: \"50\" % (done)\n");
    }

    @Test
    void blockSetsAndEndblockNamesAreAccepted() {
        assertThat(render("{% set y | upper %}abc{% endset %}{{ y }}")).isEqualTo("ABC");
        assertThat(render("{% block b %}x{% endblock b %}")).isEqualTo("x");
        assertThat(render("{% set a, b = 1, 2 %}{{ a }}{{ b }}")).isEqualTo("12");
    }
}
