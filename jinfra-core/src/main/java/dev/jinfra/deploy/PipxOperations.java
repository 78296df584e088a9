package dev.jinfra.deploy;

import dev.jinfra.ops.pip.PipxApps;
import java.util.List;

/**
 * The {@code pipx} operations, as deploy code calls them: {@code pipx.packages("black")}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class PipxOperations {
    /**
     * Python applications are installed with pipx install (name==version pins; a pinned app at another version is
     * installed again with --force), upgraded with latest, or removed with pipx uninstall; for the user the operation
     * runs as.
     *
     * <p>{@code pipx.packages}: installed; {@code .absent()} removes them, {@code .latest(true)} upgrades them.
     *
     * @param packages package names, each optionally name==version
     */
    public PipxPackagesCall packages(String... packages) {
        return PrepareContext.register(PipxPackagesCall::new).packages(List.of(packages));
    }

    /**
     * Python applications are installed with pipx install (name==version pins; a pinned app at another version is
     * installed again with --force), upgraded with latest, or removed with pipx uninstall; for the user the operation
     * runs as.
     *
     * <p>{@code pipx.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new PipxApps(List.of("black"), true, false)}
     */
    public PipxPackagesCall packages(PipxApps packages) {
        return PrepareContext.register(packages, PipxPackagesCall::new);
    }
}
