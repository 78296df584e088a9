package dev.jinfra.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateIncludesTest {
    @TempDir
    Path dir;

    private final TemplateRenderer renderer = new TemplateRenderer();

    private String render(String main) throws Exception {
        return renderer.render(Files.writeString(dir.resolve("main.j2"), main), Map.of("x", 1));
    }

    @Test
    void includedTemplatesAreFoundBesideTheTemplateOrInItsTemplatesDirectory() throws Exception {
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("part.j2"), "part {{ x }}");
        Files.writeString(dir.resolve("templates/macros.j2"), "{% macro m(v) %}[{{ v }}]{% endmacro %}");

        assertThat(render("{% include 'part.j2' %} {% import 'macros.j2' as k %}{{ k.m(2) }}"))
                .isEqualTo("part 1 [2]");
    }

    @Test
    void aBrokenIncludedTemplateIsReportedAtItsOwnFileAndLine() throws Exception {
        Files.writeString(dir.resolve("bad.j2"), "one\n{{ x | nosuch }}\n");

        assertThatThrownBy(() -> render("a\n{% include 'bad.j2' %}\n"))
                .isInstanceOf(TemplateException.class)
                .hasMessage(dir.resolve("bad.j2") + ":2:8: unknown filter 'nosuch' in '{{ x | nosuch }}'");
    }

    @Test
    void anUndefinedVariableInAnIncludedTemplateIsReportedThere() throws Exception {
        Files.writeString(dir.resolve("undef.j2"), "one\ntwo {{ y }}\n");

        assertThatThrownBy(() -> render("a\n\n{% include 'undef.j2' %}\n"))
                .isInstanceOf(TemplateException.class)
                .hasMessage(dir.resolve("undef.j2") + ":2:8: 'y' is undefined");
    }

    @Test
    void aMissingIncludedTemplateSaysWhereItWasLookedFor() {
        assertThatThrownBy(() -> render("{% include 'nope.j2' %}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(dir.resolve("main.j2") + ":1:1: template 'nope.j2' not found (looked in "
                        + dir.resolve("nope.j2"));
    }
}
