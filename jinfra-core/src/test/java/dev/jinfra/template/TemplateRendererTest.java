package dev.jinfra.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateRendererTest {
    private final TemplateRenderer renderer = new TemplateRenderer();

    @Test
    void undefinedVariableNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("nginx.conf.j2"), "a\nb\nlisten {{ port }};\n");
        assertThatThrownBy(() -> renderer.render(file, Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(file + ":3: ")
                .hasMessageContaining("port");
    }

    @Test
    void syntaxErrorNamesFileAndLine() {
        assertThatThrownBy(() -> renderer.render("templates/x.j2", "ok\n{% if %}\n{% endif %}\n", Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("templates/x.j2:2: ");
    }

    @Test
    void unclosedBlockIsAnError() {
        assertThatThrownBy(() ->
                        renderer.render("t.j2", "{% for x in xs %}\n{{ x }}\n", Map.of("xs", java.util.List.of(1))))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("t.j2:");
    }

    @Test
    void rendersVariables() {
        assertThat(renderer.render("t.j2", "{{ a }} {{ b }}\n", Map.of("a", "x", "b", true)))
                .isEqualTo("x True\n");
    }
}
