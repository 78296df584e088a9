package dev.jinfra.deploy;

import dev.jinfra.ops.pip.Packages;
import dev.jinfra.ops.pip.Venv;
import java.util.List;

/** The {@code pip} operation family, as deploy code sees it. */
public final class PipOperations {
    /** Packages installed by pip3 (any version, or {@code name==version}). */
    public OperationCall packages(String... names) {
        return packages(new Packages(List.of(names), true, false, "pip3", null));
    }

    /** Packages installed in the virtualenv at {@code venv}, by its own pip. */
    public OperationCall packagesIn(String venv, String... names) {
        return packages(new Packages(List.of(names), true, false, "pip3", venv));
    }

    public OperationCall absentPackages(String... names) {
        return packages(new Packages(List.of(names), false, false, "pip3", null));
    }

    /** Packages described in full: presence, latest, which pip or virtualenv. */
    public OperationCall packages(Packages packages) {
        return PrepareContext.register(packages);
    }

    /** A virtualenv made by python3. */
    public OperationCall venv(String path) {
        return PrepareContext.register(new Venv(path, "python3"));
    }

    public OperationCall venv(String path, String python) {
        return PrepareContext.register(new Venv(path, python));
    }
}
