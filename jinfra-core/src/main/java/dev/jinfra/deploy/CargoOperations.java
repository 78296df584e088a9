package dev.jinfra.deploy;

import dev.jinfra.ops.cargo.Crates;
import java.util.List;

/**
 * The {@code cargo} operations, as deploy code calls them: {@code cargo.packages("ripgrep")}. Other arguments are given
 * by name on the call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class CargoOperations {
    /**
     * Crates are installed with cargo install (all missing ones in one call; name@version pins), latest, or removed
     * with cargo uninstall; in the cargo home of the user the operation runs as.
     *
     * <p>{@code cargo.packages}: installed; {@code .absent()} removes them, {@code .latest(true)} upgrades them.
     *
     * @param packages crate names
     */
    public CargoPackagesCall packages(String... packages) {
        return PrepareContext.register(CargoPackagesCall::new).packages(List.of(packages));
    }

    /**
     * Crates are installed with cargo install (all missing ones in one call; name@version pins), latest, or removed
     * with cargo uninstall; in the cargo home of the user the operation runs as.
     *
     * <p>{@code cargo.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new Crates(List.of("ripgrep"), true, false)}
     */
    public CargoPackagesCall packages(Crates packages) {
        return PrepareContext.register(packages, CargoPackagesCall::new);
    }
}
