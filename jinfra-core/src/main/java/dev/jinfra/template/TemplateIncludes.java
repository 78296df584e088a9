package dev.jinfra.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.loader.ResourceLocator;
import com.hubspot.jinjava.loader.ResourceNotFoundException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The templates that {@code {% include %}}, {@code {% import %}}, {@code {% from .. import %}} and
 * {@code {% extends %}} name, found as Ansible finds them: beside the template being rendered or in a
 * {@code templates/} directory there, then in the working directory or its {@code templates/} directory. Each is
 * checked and rewritten for Jinjava as the template itself is, so a broken one is reported at its own file and
 * line; what a render read is kept for reporting the errors found while rendering it.
 */
final class TemplateIncludes implements ResourceLocator {
    /** The directory of the template being rendered. */
    static final ScopedValue<Path> DIR = ScopedValue.newInstance();

    /** The templates read so far in this render, by the name Jinjava knows them by. */
    static final ScopedValue<Map<String, TemplateSource>> READ = ScopedValue.newInstance();

    private final Function<TemplateSource, String> checkAndRewrite;
    private final boolean dropTrailingNewline;

    /**
     * @param checkAndRewrite the renderer's check, giving the text rewritten for Jinjava
     * @param dropTrailingNewline Jinja2's {@code keep_trailing_newline} is off, as in Ansible: a template's last line
     *     break is dropped (for the template being rendered, Ansible puts it back; not for those it includes)
     */
    TemplateIncludes(Function<TemplateSource, String> checkAndRewrite, boolean dropTrailingNewline) {
        this.checkAndRewrite = checkAndRewrite;
        this.dropTrailingNewline = dropTrailingNewline;
    }

    @Override
    public String getString(String name, Charset encoding, JinjavaInterpreter interpreter) throws IOException {
        Path dir = DIR.isBound() ? DIR.get() : Path.of("");
        Path given = Path.of(name);
        List<Path> candidates = given.isAbsolute()
                ? List.of(given)
                : List.of(
                        dir.resolve(given),
                        dir.resolve("templates").resolve(given),
                        given,
                        Path.of("templates").resolve(given));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                String text = Files.readString(candidate, encoding);
                if (dropTrailingNewline && text.endsWith("\n")) {
                    text = text.substring(0, text.length() - 1);
                }
                TemplateSource source = new TemplateSource(candidate.toString(), text);
                if (READ.isBound()) {
                    READ.get().put(name, source);
                }
                return checkAndRewrite.apply(source);
            }
        }
        throw new ResourceNotFoundException("template '" + name + "' not found (looked in "
                + String.join(", ", candidates.stream().map(Path::toString).toList()) + ")");
    }
}
