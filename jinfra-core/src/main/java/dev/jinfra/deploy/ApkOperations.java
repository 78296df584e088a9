package dev.jinfra.deploy;

import dev.jinfra.ops.packages.AlpinePackages;
import dev.jinfra.ops.packages.ApkUpdate;
import dev.jinfra.ops.packages.ApkUpgrade;
import java.util.List;

/**
 * The {@code apk} operations (Alpine), as deploy code calls them: {@code apk.packages("curl")}. Other arguments
 * are given by name on the call returned ({@link OperationCall#arg}, {@link OperationCall#absent}).
 */
public final class ApkOperations {
    /**
     * {@code apk.packages}: installed; {@code .absent()} removes them, {@code .arg("latest", true)} upgrades them.
     *
     * @param packages package names
     */
    public OperationCall packages(String... packages) {
        return PrepareContext.register(AlpinePackages.class).arg("packages", List.of(packages));
    }

    /**
     * {@code apk.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new AlpinePackages(List.of("curl"), true, true)}
     */
    public OperationCall packages(AlpinePackages packages) {
        return PrepareContext.register(packages);
    }

    /** {@code apk.update}: the package indexes are refreshed (always a change). */
    public OperationCall update() {
        return PrepareContext.register(ApkUpdate.class);
    }

    /** {@code apk.upgrade}: every installed package is upgraded (always a change); {@code .arg("available", true)} too. */
    public OperationCall upgrade() {
        return PrepareContext.register(ApkUpgrade.class);
    }
}
