package dev.jinfra.deploy;

import dev.jinfra.ops.packages.FreebsdPackages;
import java.util.List;

/**
 * The {@code pkg} operations, as deploy code calls them: {@code pkg.packages("nginx")}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class PkgOperations {
    /**
     * FreeBSD packages are installed with pkg install (all missing ones in one call), upgraded with latest, or removed
     * with pkg delete.
     *
     * <p>{@code pkg.packages}: installed; {@code .absent()} removes them, {@code .latest(true)} upgrades them.
     *
     * @param packages package names
     */
    public PkgPackagesCall packages(String... packages) {
        return PrepareContext.register(PkgPackagesCall::new).packages(List.of(packages));
    }

    /**
     * FreeBSD packages are installed with pkg install (all missing ones in one call), upgraded with latest, or removed
     * with pkg delete.
     *
     * <p>{@code pkg.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new FreebsdPackages(List.of("nginx"), true, false)}
     */
    public PkgPackagesCall packages(FreebsdPackages packages) {
        return PrepareContext.register(packages, PkgPackagesCall::new);
    }
}
