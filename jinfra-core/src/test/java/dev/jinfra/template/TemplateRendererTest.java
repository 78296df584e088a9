package dev.jinfra.template;

import static dev.jinfra.template.RejectedTemplates.assertRenderingRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateRendererTest {
    private final TemplateRenderer renderer = new TemplateRenderer();

    @Test
    void rendersVariables() {
        assertThat(renderer.render("t.j2", "{{ a }} {{ b }}\n", Map.of("a", "x", "b", true)))
                .isEqualTo("x True\n");
    }

    @Test
    void anUndefinedVariableIsAnErrorNamingFileLineColumnAndVariable(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("nginx.conf.j2"), "a\nb\nlisten {{ port }};\n");
        TemplateException e = catchThrowableOfType(TemplateException.class, () -> renderer.render(file, Map.of()));
        assertThat(e.getMessage()).isEqualTo(file + ":3:11: 'port' is undefined");
        assertThat(e.file()).isEqualTo(file.toString());
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(11);
        assertThat(e.problem()).isEqualTo("'port' is undefined");
    }

    @Test
    void anUndefinedVariableInALoopBodyIsAnErrorAtThatVariable() {
        assertRenderingRejected(
                "{% for y in xs %}\n  {{ y }} {{ nope }}\n{% endfor %}\n", 2, 14, "'nope' is undefined");
    }

    @Test
    void anUndefinedLoopSourceIsAnErrorAtItsName() {
        assertRenderingRejected("a\n{% for y in hosts %}{{ y }}{% endfor %}", 2, 13, "'hosts' is undefined");
    }

    @Test
    void aMissingAttributeIsAnErrorNamingTheWholePath() {
        assertRenderingRejected("{{ x.nope }}", 1, 4, "'x.nope' is undefined");
    }

    @Test
    void undefinedVariablesMayBeGivenDefaultsOrTested() {
        Map<String, Object> none = Map.of();
        assertThat(renderer.render("t.j2", "{{ x | default('a') }} {{ x | d('b') }}", none))
                .isEqualTo("a b");
        assertThat(renderer.render("t.j2", "{% if x is defined %}y{% else %}n{% endif %}", none))
                .isEqualTo("n");
        assertThat(renderer.render("t.j2", "{% if x is not defined %}n{% endif %}", none))
                .isEqualTo("n");
        assertThat(renderer.render("t.j2", "{{ x is undefined }}", none)).isEqualTo("True");
    }

    @Test
    void aLenientRendererPrintsUndefinedVariablesAsNothing() {
        TemplateRenderer lenient = TemplateRenderer.lenient();
        assertThat(lenient.render("t.j2", "port={{ port }};{{ host.name }}.", Map.of()))
                .isEqualTo("port=;.");
        assertThat(lenient.render("t.j2", "{% if port %}y{% else %}n{% endif %}", Map.of()))
                .isEqualTo("n");
        assertThat(lenient.render("t.j2", "{{ port | default(80) }}", Map.of())).isEqualTo("80");
    }

    @Test
    void aLenientRendererStillRejectsBrokenTemplates() {
        assertThatThrownBy(() -> TemplateRenderer.lenient().render("t.j2", "{{ workers }", Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("t.j2:1:12: unexpected '}' in '{{ workers }'");
    }

    @Test
    void checkAcceptsAGoodTemplateWithoutItsVariables() {
        assertThatCode(() -> renderer.check(
                        "t.j2", "{% for s in servers if s.up %}\n{{ s.name | upper }} {{ port }}\n{% endfor %}\n"))
                .doesNotThrowAnyException();
    }

    @Test
    void checkRejectsABrokenTemplateNamingFileLineAndColumn() {
        assertThatThrownBy(() -> renderer.check("templates/app.conf.j2", "ok\nlisten {{ port };\n"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("templates/app.conf.j2:2:16: unexpected '}' in '{{ port }'");
    }

    @Test
    void aTemplateRendersAgainAfterItWasChecked() {
        String source = "{{ a }}-{{ b }}";
        renderer.check("t.j2", source);
        assertThat(renderer.render("t.j2", source, Map.of("a", 1, "b", 2))).isEqualTo("1-2");
        assertThat(renderer.render("t.j2", source, Map.of("a", 3, "b", 4))).isEqualTo("3-4");
        assertThatThrownBy(() -> renderer.render("u.j2", source, Map.of("a", 5)))
                .hasMessage("u.j2:1:12: 'b' is undefined");
    }

    @Test
    void errorsNeverShowJavaClassNames() {
        List<String> broken = List.of(
                "{{ x.no_such_method() }}",
                "{{ x | replace }}",
                "{% for x in xs recursive %}{% endfor %}",
                "{{ 1 + }}");
        for (String source : broken) {
            TemplateException e = catchThrowableOfType(
                    TemplateException.class, () -> renderer.render("t.j2", source, Map.of("x", "v", "xs", List.of())));
            assertThat(e).as(source).isNotNull();
            assertThat(e.getMessage())
                    .as(source)
                    .doesNotContain("Exception", "com.hubspot", "java.", "jinjava")
                    .doesNotContain("\n");
        }
    }
}
