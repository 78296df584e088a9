package dev.jinfra.deploy;

import dev.jinfra.ops.packages.OpkgInstalls;
import dev.jinfra.ops.packages.OpkgUpdate;
import java.util.List;

/**
 * The {@code opkg} operations, as deploy code calls them: {@code opkg.packages("tcpdump")}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class OpkgOperations {
    /**
     * OpenWrt/Yocto packages are installed with opkg (all missing ones in one call), upgraded with latest, or removed.
     * Run opkg.update first on OpenWrt, whose package lists live in RAM.
     *
     * <p>{@code opkg.packages}: installed; {@code .absent()} removes them, {@code .latest(true)} upgrades them.
     *
     * @param packages package names
     */
    public OpkgPackagesCall packages(String... packages) {
        return PrepareContext.register(OpkgPackagesCall::new).packages(List.of(packages));
    }

    /**
     * OpenWrt/Yocto packages are installed with opkg (all missing ones in one call), upgraded with latest, or removed.
     * Run opkg.update first on OpenWrt, whose package lists live in RAM.
     *
     * <p>{@code opkg.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new OpkgInstalls(List.of("tcpdump"), true, false)}
     */
    public OpkgPackagesCall packages(OpkgInstalls packages) {
        return PrepareContext.register(packages, OpkgPackagesCall::new);
    }

    /**
     * Refreshes opkg's package lists (opkg update). Always reported as a change.
     *
     * <p>{@code opkg.update}: refreshes the package lists.
     */
    public OpkgUpdateCall update() {
        return PrepareContext.register(new OpkgUpdate(), OpkgUpdateCall::new);
    }
}
