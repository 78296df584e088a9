package dev.jinfra.deploy;

import dev.jinfra.ops.gem.RubyGems;
import java.util.List;

/**
 * The {@code gem} operations, as deploy code calls them: {@code gem.packages("bundler")}. Other arguments are given
 * by name on the call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class GemOperations {
    /**
     * Ruby gems are installed with gem install (all missing ones in one call, without documentation; name:version pins,
     * which hold when that version is among those installed), latest, or removed (every version).
     *
     * <p>{@code gem.packages}: installed; {@code .absent()} removes them, {@code .latest(true)} adds their newest version.
     *
     * @param packages gem names
     */
    public GemPackagesCall packages(String... packages) {
        return PrepareContext.register(GemPackagesCall::new).packages(List.of(packages));
    }

    /**
     * Ruby gems are installed with gem install (all missing ones in one call, without documentation; name:version pins,
     * which hold when that version is among those installed), latest, or removed (every version).
     *
     * <p>{@code gem.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new RubyGems(List.of("bundler"), true, false, "gem")}
     */
    public GemPackagesCall packages(RubyGems packages) {
        return PrepareContext.register(packages, GemPackagesCall::new);
    }
}
