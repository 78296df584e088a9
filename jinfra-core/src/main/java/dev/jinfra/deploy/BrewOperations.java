package dev.jinfra.deploy;

import dev.jinfra.ops.packages.BrewFormulae;
import java.util.List;

/**
 * The {@code brew} operations, as deploy code calls them: {@code brew.packages("git")}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class BrewOperations {
    /**
     * Homebrew formulae are installed with brew install (all missing ones in one call), upgraded with latest, or
     * removed with brew uninstall. Run as the user who owns Homebrew (not root).
     *
     * <p>{@code brew.packages}: installed; {@code .absent()} removes them, {@code .latest(true)} upgrades them.
     *
     * @param packages formula names
     */
    public BrewPackagesCall packages(String... packages) {
        return PrepareContext.register(BrewPackagesCall::new).packages(List.of(packages));
    }

    /**
     * Homebrew formulae are installed with brew install (all missing ones in one call), upgraded with latest, or
     * removed with brew uninstall. Run as the user who owns Homebrew (not root).
     *
     * <p>{@code brew.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new BrewFormulae(List.of("git"), true, false)}
     */
    public BrewPackagesCall packages(BrewFormulae packages) {
        return PrepareContext.register(packages, BrewPackagesCall::new);
    }
}
