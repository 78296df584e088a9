package dev.jinfra.deploy;

import dev.jinfra.ops.packages.ArchPackages;
import dev.jinfra.ops.packages.PacmanUpdate;
import dev.jinfra.ops.packages.PacmanUpgrade;
import java.util.List;

/**
 * The {@code pacman} operations, as deploy code calls them: {@code pacman.packages("nginx")}. Other arguments are given
 * by name on the call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class PacmanOperations {
    /**
     * {@code pacman.packages}: installed; {@code .absent()} removes them, {@code .arg("latest", true)} upgrades them.
     *
     * @param packages package names
     */
    public OperationCall packages(String... packages) {
        return PrepareContext.register(ArchPackages.class).arg("packages", List.of(packages));
    }

    /**
     * {@code pacman.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new ArchPackages(List.of("nginx"), true, false)}
     */
    public OperationCall packages(ArchPackages packages) {
        return PrepareContext.register(packages);
    }

    /** {@code pacman.update}: the package databases are refreshed (always a change). */
    public OperationCall update() {
        return PrepareContext.register(PacmanUpdate.class);
    }

    /** {@code pacman.upgrade}: the databases are refreshed and every package upgraded (always a change). */
    public OperationCall upgrade() {
        return PrepareContext.register(PacmanUpgrade.class);
    }
}
