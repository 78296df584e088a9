package dev.jinfra.deploy;

import dev.jinfra.ops.packages.ArchPackages;
import java.util.List;

/**
 * The {@code pacman} operations, as deploy code calls them: {@code pacman.packages("nginx")}. Other arguments are given
 * by name on the call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class PacmanOperations {
    /**
     * {@code pacman.packages}: installed; {@code .absent()} removes them, {@code .latest(true)} upgrades them.
     *
     * @param packages package names
     */
    public PacmanPackagesCall packages(String... packages) {
        return PrepareContext.register(PacmanPackagesCall::new).packages(List.of(packages));
    }

    /**
     * {@code pacman.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new ArchPackages(List.of("nginx"), true, false)}
     */
    public PacmanPackagesCall packages(ArchPackages packages) {
        return PrepareContext.register(packages, PacmanPackagesCall::new);
    }

    /** {@code pacman.update}: the package databases are refreshed (always a change). */
    public PacmanUpdateCall update() {
        return PrepareContext.register(PacmanUpdateCall::new);
    }

    /** {@code pacman.upgrade}: the databases are refreshed and every package upgraded (always a change). */
    public PacmanUpgradeCall upgrade() {
        return PrepareContext.register(PacmanUpgradeCall::new);
    }
}
