package dev.jinfra.deploy;

import dev.jinfra.ops.npm.NodePackages;
import java.util.List;

/**
 * The {@code npm} operations, as deploy code calls them: {@code npm.packages("pm2")}. Other arguments are given
 * by name on the call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class NpmOperations {
    /**
     * Node packages are installed with npm (all missing ones in one call; name@version pins), latest, or removed;
     * globally, or in a project directory when one is given. Pins compare as text with the installed version.
     *
     * <p>{@code npm.packages}: installed globally; {@code .directory(dir)} in a project instead, {@code .absent()} removes them.
     *
     * @param packages package names
     */
    public NpmPackagesCall packages(String... packages) {
        return PrepareContext.register(NpmPackagesCall::new).packages(List.of(packages));
    }

    /**
     * Node packages are installed with npm (all missing ones in one call; name@version pins), latest, or removed;
     * globally, or in a project directory when one is given. Pins compare as text with the installed version.
     *
     * <p>{@code npm.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new NodePackages(List.of("pm2"), true, false, "/srv/app")}
     */
    public NpmPackagesCall packages(NodePackages packages) {
        return PrepareContext.register(packages, NpmPackagesCall::new);
    }
}
