package dev.jinfra.deploy;

import dev.jinfra.ops.pip.Packages;
import java.util.List;

/**
 * The {@code pip} operations, as deploy code calls them: {@code pip.packages("gunicorn").venv("/srv/venv")}.
 * Each method takes the operation's first arguments; the others are given by name on the call it returns
 * ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class PipOperations {
    /**
     * Python packages are installed with pip (all missing ones in one call; name==version pins), latest, or removed;
     * optionally in a virtualenv. Pins compare as text with what pip freeze prints.
     *
     * <p>{@code pip.packages}: installed by pip3 (any version, or {@code name==version}); {@code .venv(dir)}
     * installs them in a virtualenv by its own pip, {@code .absent()} removes them.
     *
     * @param packages package names, each optionally pinned as name==version
     */
    public PipPackagesCall packages(String... packages) {
        return PrepareContext.register(PipPackagesCall::new).packages(List.of(packages));
    }

    /**
     * Python packages are installed with pip (all missing ones in one call; name==version pins), latest, or removed;
     * optionally in a virtualenv. Pins compare as text with what pip freeze prints.
     *
     * <p>{@code pip.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new Packages(List.of("gunicorn"), true, false, "pip3", "/srv/venv")}
     */
    public PipPackagesCall packages(Packages packages) {
        return PrepareContext.register(packages, PipPackagesCall::new);
    }

    /**
     * A Python virtualenv exists at a path, made with python -m venv when it has no working bin/python.
     *
     * <p>{@code pip.venv}: a virtualenv made by python3.
     *
     * @param path the virtualenv's directory
     */
    public PipVenvCall venv(String path) {
        return PrepareContext.register(PipVenvCall::new).path(path);
    }

    /**
     * A Python virtualenv exists at a path, made with python -m venv when it has no working bin/python.
     *
     * <p>{@code pip.venv} made by another Python.
     *
     * @param path the virtualenv's directory
     * @param python the Python that makes it, e.g. python3.12
     */
    public PipVenvCall venv(String path, String python) {
        return venv(path).python(python);
    }
}
