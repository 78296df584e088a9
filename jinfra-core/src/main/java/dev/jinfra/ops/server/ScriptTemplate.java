package dev.jinfra.ops.server;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Payload;
import dev.jinfra.api.Plan;
import dev.jinfra.ops.files.Template;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code server.scriptTemplate}: a local Jinja2 template rendered as {@code files.template} renders one (the host's
 * data, {@code host} and the deploy's variables), then uploaded, run and removed as {@code server.script} runs a
 * script, on every run. The rendered script exists only for its run, so a secret rendered into it does not stay on
 * the host.
 */
@Doc(
        name = "server.scriptTemplate",
        value =
                "Renders a local Jinja2 template with the host's data, `host` and the deploy's variables, then uploads, runs and removes the script, on every run.",
        example = "server.scriptTemplate(\"scripts/setup.sh.j2\", java.util.Map.of(\"port\", 8080)).sudo();")
public record ScriptTemplate(
        @Arg(
                value =
                        "local Jinja2 template of the script (relative to the working directory); its first line picks the interpreter, e.g. #!/bin/sh",
                required = true)
        String src,

        @Arg("template variables; deploy code passes the host's data, host and its own; none from the command line")
        Map<String, Object> vars,

        @Arg("arguments, each passed to the script as one word")
        List<String> args)
        implements Operation {

    public ScriptTemplate {
        if (src == null || src.isBlank()) {
            throw new IllegalArgumentException("server.scriptTemplate needs src");
        }
        // Variables may hold nulls (Map.copyOf refuses them); keep the caller's order for readable errors.
        vars = vars == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        args = args == null ? List.of() : List.copyOf(args);
    }

    @Override
    public String describe() {
        return "Script template: " + src + (args.isEmpty() ? "" : " " + String.join(" ", args));
    }

    @Override
    public Plan plan(FactSource facts) {
        return Script.uploadAndRun(Payload.of(render()), args);
    }

    /** The script as this host gets it. */
    public byte[] render() {
        return Template.render("server.scriptTemplate", src, vars);
    }

    @Override
    public void checkLocalInputs() {
        // Rendered with this host's variables: an undefined variable or a broken tag is found before any change.
        render();
    }
}
