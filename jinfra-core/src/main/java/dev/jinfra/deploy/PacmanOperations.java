package dev.jinfra.deploy;

import dev.jinfra.ops.packages.ArchPackages;
import java.util.List;

/**
 * The {@code pacman} operations, as deploy code calls them: {@code pacman.packages("nginx")}. Other arguments are given
 * by name on the call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class PacmanOperations {
    /**
     * Arch Linux packages are installed with pacman (all missing ones in one call), upgraded with latest, or removed.
     * Names are package names, as pacman -Q lists them (not groups or virtual names).
     *
     * <p>{@code pacman.packages}: installed; {@code .absent()} removes them, {@code .latest(true)} upgrades them.
     *
     * @param packages package names
     */
    public PacmanPackagesCall packages(String... packages) {
        return PrepareContext.register(PacmanPackagesCall::new).packages(List.of(packages));
    }

    /**
     * Arch Linux packages are installed with pacman (all missing ones in one call), upgraded with latest, or removed.
     * Names are package names, as pacman -Q lists them (not groups or virtual names).
     *
     * <p>{@code pacman.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new ArchPackages(List.of("nginx"), true, false)}
     */
    public PacmanPackagesCall packages(ArchPackages packages) {
        return PrepareContext.register(packages, PacmanPackagesCall::new);
    }

    /**
     * Refreshes pacman's package databases (pacman -Sy). Always reported as a change. Arch supports no partial
     * upgrades: follow it with pacman.upgrade rather than installing from fresh databases alone.
     *
     * <p>{@code pacman.update}: the package databases are refreshed (always a change).
     */
    public PacmanUpdateCall update() {
        return PrepareContext.register(PacmanUpdateCall::new);
    }

    /**
     * Refreshes pacman's databases and upgrades every installed package (pacman -Syu). Always reported as a change.
     *
     * <p>{@code pacman.upgrade}: the databases are refreshed and every package upgraded (always a change).
     */
    public PacmanUpgradeCall upgrade() {
        return PrepareContext.register(PacmanUpgradeCall::new);
    }
}
