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
     * Void Linux packages are installed with xbps-install (all missing ones in one call), upgraded with latest, or
     * removed with xbps-remove.
     *
     * <p>{@code xbps.packages}: installed; {@code .absent()} removes them, {@code .latest(true)} upgrades them.
     *
     * @param packages package names
     */
    public XbpsPackagesCall packages(String... packages) {
        return PrepareContext.register(XbpsPackagesCall::new).packages(List.of(packages));
    }

    /**
     * Void Linux packages are installed with xbps-install (all missing ones in one call), upgraded with latest, or
     * removed with xbps-remove.
     *
     * <p>{@code xbps.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new VoidPackages(List.of("nginx"), true, false)}
     */
    public XbpsPackagesCall packages(VoidPackages packages) {
        return PrepareContext.register(packages, XbpsPackagesCall::new);
    }

    /**
     * Refreshes xbps's package lists (xbps-install -S). Always reported as a change.
     *
     * <p>{@code xbps.update}: refreshes the package lists.
     */
    public XbpsUpdateCall update() {
        return PrepareContext.register(new XbpsUpdate(), XbpsUpdateCall::new);
    }
}
