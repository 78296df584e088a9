package dev.jinfra.ops.pip;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/**
 * The Python version of the virtualenv at a path (from its {@code bin/python}), or null when there is none.
 * A python that runs but prints no version it recognises is reported as {@code "unknown"}: it is there.
 */
@Doc("The Python version of the virtualenv at a path (its bin/python), or null when there is none.")
public record PythonVenv(
        @Arg(value = "the virtualenv's directory", required = true)
        String path) implements Fact<String> {

    // A venv whose python broke (its base Python removed) fails here and counts as absent, so it gets made
    // again. 2>&1: Python 2 printed its version on stderr.
    private static final String SCRIPT = """
            test -x "$1/bin/python" || exit 1
            "$1/bin/python" --version 2>&1
            """;

    public PythonVenv {
        Packages.checkPath("PythonVenv", "path", path);
        if (path == null) {
            throw new IllegalArgumentException("PythonVenv needs a path");
        }
    }

    @Override
    public Command command() {
        return Command.of("sh", "-c", SCRIPT, "sh", path);
    }

    @Override
    public String parse(String stdout) {
        String text = stdout.strip();
        return text.startsWith("Python ") && text.length() > 7
                ? text.substring(7).strip()
                : "unknown";
    }

    @Override
    public String absent() {
        return null;
    }
}
