package dev.jinfra.deploy;

import dev.jinfra.ops.packages.BrewFormulae;
import java.util.List;

/**
 * The {@code brew} operations, as deploy code calls them: {@code brew.packages("git")}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class BrewOperations {
    /**
     * {@code brew.packages}: installed; {@code .absent()} removes them, {@code .arg("latest", true)} upgrades them.
     *
     * @param packages formula names
     */
    public OperationCall packages(String... packages) {
        return PrepareContext.register(BrewFormulae.class).arg("packages", List.of(packages));
    }

    /**
     * {@code brew.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new BrewFormulae(List.of("git"), true, false)}
     */
    public OperationCall packages(BrewFormulae packages) {
        return PrepareContext.register(packages);
    }
}
