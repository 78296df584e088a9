package dev.jinfra.ops.packages;

import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;

/**
 * {@code xbps.update}: refreshes xbps's package lists. Whether they were out of date is only known to xbps after it has
 * looked, so the operation always counts as a change.
 */
@Doc(
        name = "xbps.update",
        value = "Refreshes xbps's package lists (xbps-install -S). Always reported as a change.",
        example = "xbps.update().sudo();")
public record XbpsUpdate() implements Operation {

    @Override
    public String describe() {
        return "Update xbps package lists";
    }

    @Override
    public Plan plan(FactSource facts) {
        return Plan.run(Command.of("xbps-install", "-S"));
    }
}
