package dev.jinfra.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Renders Jinja2 templates with Jinjava, set up to behave as close to Jinja2 (as pyinfra uses it: trailing
 * newline kept, undefined variables are errors) as practical. What still differs is listed in the test
 * resources' {@code templates/known-differences.txt}.
 */
public final class TemplateRenderer {
    private final Jinjava jinjava;

    public TemplateRenderer() {
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withFailOnUnknownTokens(true)
                .withInterperterFactory(PythonStyleInterpreter.FACTORY)
                // Jinja2 precedence (e.g. "not a in b"), and whitespace control as Jinja2 parses it.
                .withLegacyOverrides(LegacyOverrides.newBuilder()
                        .withUseNaturalOperatorPrecedence(true)
                        .withParseWhitespaceControlStrictly(true)
                        .withUseSnakeCasePropertyNaming(true)
                        .withIterateOverMapKeys(true)
                        .withKeepNullableLoopValues(true)
                        .build())
                .build();
        jinjava = new Jinjava(config);
        jinjava.getGlobalContext().registerFilter(ExtremeFilter.min());
        jinjava.getGlobalContext().registerFilter(ExtremeFilter.max());
        jinjava.getGlobalContext().registerFilter(new KeywordSortFilter());
        jinjava.getGlobalContext().registerFilter(new JsonFilter());
        jinjava.getGlobalContext().registerTag(new FilterBlockTag());
    }

    /** Renders a local template file; errors name the file as given, e.g. {@code templates/a.j2:12: ...}. */
    public String render(Path file, Map<String, ?> variables) {
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + file + ": " + e.getMessage(), e);
        }
        return render(file.toString(), source, variables);
    }

    /** Renders template text; {@code name} is used in error messages. */
    public String render(String name, String source, Map<String, ?> variables) {
        RenderResult result;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> bindings = (Map<String, Object>) variables;
            result = jinjava.renderForResult(JinjaSyntax.rewrite(source), bindings);
        } catch (RuntimeException e) {
            throw new TemplateException(name + ": " + e.getMessage(), e);
        }
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw new TemplateException(
                        name + ":" + Math.max(error.getLineno(), 1) + ": " + error.getMessage(), error.getException());
            }
        }
        return result.getOutput();
    }
}
