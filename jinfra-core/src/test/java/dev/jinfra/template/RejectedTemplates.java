package dev.jinfra.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

/** Asserts how a broken template is rejected, both when rendering it and when only checking it. */
final class RejectedTemplates {
    static final String FILE = "templates/app.conf.j2";
    static final Map<String, Object> VARIABLES =
            Map.of("x", "v", "xs", List.of(1, 2), "port", 8080, "enabled", true, "workers", 4);

    private static final TemplateRenderer RENDERER = new TemplateRenderer();

    private RejectedTemplates() {}

    /** Rendering and checking both fail at {@code line:column} with exactly {@code problem}. */
    static void assertRejected(String source, int line, int column, String problem) {
        TemplateException rendering = assertRenderingRejected(source, line, column, problem);
        TemplateException checking = catchThrowableOfType(TemplateException.class, () -> RENDERER.check(FILE, source));
        assertThat(checking).as("checking %s", source).isNotNull();
        assertThat(checking.getMessage()).isEqualTo(rendering.getMessage());
    }

    /** Rendering with {@link #VARIABLES} fails at {@code line:column} with exactly {@code problem}. */
    static TemplateException assertRenderingRejected(String source, int line, int column, String problem) {
        TemplateException rendering =
                catchThrowableOfType(TemplateException.class, () -> RENDERER.render(FILE, source, VARIABLES));
        assertThat(rendering).as("rendering %s", source).isNotNull();
        assertThat(rendering.getMessage()).isEqualTo(FILE + ":" + line + ":" + column + ": " + problem);
        assertThat(rendering.file()).isEqualTo(FILE);
        assertThat(rendering.line()).isEqualTo(line);
        assertThat(rendering.column()).isEqualTo(column);
        assertThat(rendering.problem()).isEqualTo(problem);
        return rendering;
    }

    static String render(String source) {
        return RENDERER.render(FILE, source, VARIABLES);
    }
}
