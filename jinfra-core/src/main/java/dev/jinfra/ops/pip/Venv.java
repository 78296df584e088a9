package dev.jinfra.ops.pip;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;

/**
 * {@code pip.venv}: a Python virtualenv exists at a path. An existing one is kept as it is, whichever Python
 * made it: recreating it would drop the packages installed in it.
 */
@Doc(
        name = "pip.venv",
        value = "A Python virtualenv exists at a path, made with python -m venv when it has no working bin/python.",
        example = "pip.venv(\"/srv/app/venv\");")
public record Venv(
        @Arg(value = "the virtualenv's directory", required = true)
        String path,

        @Arg(value = "the Python that makes it", defaultValue = "python3")
        String python)
        implements Operation {

    public Venv {
        if (path == null) {
            throw new IllegalArgumentException("pip.venv needs a path");
        }
        Packages.checkPath("pip.venv", "path", path);
        if (python == null || python.isBlank() || python.startsWith("-") || python.contains("\n")) {
            throw new IllegalArgumentException("pip.venv: python must be a program name or path, not '" + python + "'");
        }
    }

    @Override
    public String describe() {
        return "Virtualenv: " + path;
    }

    @Override
    public Plan plan(FactSource facts) {
        String version = facts.get(new PythonVenv(path));
        if (version != null) {
            return Plan.noChange("virtualenv " + path + " exists (Python " + version + ")");
        }
        return Plan.run(Command.of(python, "-m", "venv", "--", path));
    }
}
