package dev.jinfra.deploy;

import dev.jinfra.ops.packages.AlpinePackages;
import java.util.List;

/**
 * The {@code apk} operations (Alpine), as deploy code calls them: {@code apk.packages("curl")}. Other arguments
 * are given by name on the call returned ({@link OperationCall#arg}, {@link OperationCall#absent}).
 */
public final class ApkOperations {
    /**
     * Alpine packages are added with apk (all missing ones in one call), upgraded with latest, or deleted.
     *
     * <p>{@code apk.packages}: installed; {@code .absent()} removes them, {@code .latest(true)} upgrades them.
     *
     * @param packages package names
     */
    public ApkPackagesCall packages(String... packages) {
        return PrepareContext.register(ApkPackagesCall::new).packages(List.of(packages));
    }

    /**
     * Alpine packages are added with apk (all missing ones in one call), upgraded with latest, or deleted.
     *
     * <p>{@code apk.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new AlpinePackages(List.of("curl"), true, true)}
     */
    public ApkPackagesCall packages(AlpinePackages packages) {
        return PrepareContext.register(packages, ApkPackagesCall::new);
    }

    /**
     * Refreshes apk's package indexes (apk update). Always reported as a change.
     *
     * <p>{@code apk.update}: the package indexes are refreshed (always a change).
     */
    public ApkUpdateCall update() {
        return PrepareContext.register(ApkUpdateCall::new);
    }

    /**
     * Upgrades all installed Alpine packages with apk upgrade. Always reported as a change: only apk knows whether
     * anything was upgradable. Run apk.update first for current indexes.
     *
     * <p>{@code apk.upgrade}: every installed package is upgraded (always a change); {@code .available(true)} too.
     */
    public ApkUpgradeCall upgrade() {
        return PrepareContext.register(ApkUpgradeCall::new);
    }
}
