package dev.jinfra.ops.packages;

import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;

/**
 * {@code opkg.update}: refreshes opkg's package lists. Whether they were out of date is only known to opkg after it has
 * looked, so the operation always counts as a change.
 */
@Doc(
        name = "opkg.update",
        value = "Refreshes opkg's package lists (opkg update). Always reported as a change.",
        example = "opkg.update().sudo();")
public record OpkgUpdate() implements Operation {

    @Override
    public String describe() {
        return "Update opkg package lists";
    }

    @Override
    public Plan plan(FactSource facts) {
        return Plan.run(Command.of("opkg", "update"));
    }
}
