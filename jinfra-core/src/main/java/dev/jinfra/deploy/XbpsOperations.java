package dev.jinfra.deploy;

import dev.jinfra.ops.packages.VoidPackages;
import dev.jinfra.ops.packages.XbpsUpdate;
import java.util.List;

/**
 * The {@code xbps} operations, as deploy code calls them: {@code xbps.packages("nginx")}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class XbpsOperations {
    /**
     * {@code xbps.packages}: installed; {@code .absent()} removes them, {@code .arg("latest", true)} upgrades them.
     *
     * @param packages package names
     */
    public OperationCall packages(String... packages) {
        return PrepareContext.register(VoidPackages.class).arg("packages", List.of(packages));
    }

    /**
     * {@code xbps.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new VoidPackages(List.of("nginx"), true, false)}
     */
    public OperationCall packages(VoidPackages packages) {
        return PrepareContext.register(packages);
    }

    /**
     * {@code xbps.update}: refreshes the package lists.
     */
    public OperationCall update() {
        return PrepareContext.register(new XbpsUpdate());
    }
}
