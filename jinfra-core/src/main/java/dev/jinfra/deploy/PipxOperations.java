package dev.jinfra.deploy;

import dev.jinfra.ops.pip.PipxApps;
import java.util.List;

/**
 * The {@code pipx} operations, as deploy code calls them: {@code pipx.packages("black")}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class PipxOperations {
    /**
     * {@code pipx.packages}: installed; {@code .absent()} removes them, {@code .arg("latest", true)} upgrades them.
     *
     * @param packages package names, each optionally name==version
     */
    public OperationCall packages(String... packages) {
        return PrepareContext.register(PipxApps.class).arg("packages", List.of(packages));
    }

    /**
     * {@code pipx.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new PipxApps(List.of("black"), true, false)}
     */
    public OperationCall packages(PipxApps packages) {
        return PrepareContext.register(packages);
    }
}
