package dev.jinfra.deploy;

import dev.jinfra.ops.packages.FreebsdPackages;
import java.util.List;

/**
 * The {@code pkg} operations, as deploy code calls them: {@code pkg.packages("nginx")}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class PkgOperations {
    /**
     * {@code pkg.packages}: installed; {@code .absent()} removes them, {@code .arg("latest", true)} upgrades them.
     *
     * @param packages package names
     */
    public OperationCall packages(String... packages) {
        return PrepareContext.register(FreebsdPackages.class).arg("packages", List.of(packages));
    }

    /**
     * {@code pkg.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new FreebsdPackages(List.of("nginx"), true, false)}
     */
    public OperationCall packages(FreebsdPackages packages) {
        return PrepareContext.register(packages);
    }
}
