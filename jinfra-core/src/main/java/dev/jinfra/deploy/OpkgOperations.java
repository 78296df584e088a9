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
     * {@code opkg.packages}: installed; {@code .absent()} removes them, {@code .arg("latest", true)} upgrades them.
     *
     * @param packages package names
     */
    public OperationCall packages(String... packages) {
        return PrepareContext.register(OpkgInstalls.class).arg("packages", List.of(packages));
    }

    /**
     * {@code opkg.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new OpkgInstalls(List.of("tcpdump"), true, false)}
     */
    public OperationCall packages(OpkgInstalls packages) {
        return PrepareContext.register(packages);
    }

    /**
     * {@code opkg.update}: refreshes the package lists.
     */
    public OperationCall update() {
        return PrepareContext.register(new OpkgUpdate());
    }
}
