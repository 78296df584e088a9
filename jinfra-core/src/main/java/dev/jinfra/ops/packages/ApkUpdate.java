package dev.jinfra.ops.packages;

import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;

/**
 * {@code apk.update}: refreshes the package indexes. Whether they were out of date is only known to apk after it
 * has looked, so the operation always counts as a change.
 */
@Doc(
        name = "apk.update",
        value = "Refreshes apk's package indexes (apk update). Always reported as a change.",
        example = "apk.update().sudo();")
public record ApkUpdate() implements Operation {

    @Override
    public String describe() {
        return "Update apk indexes";
    }

    @Override
    public Plan plan(FactSource facts) {
        return Plan.run(Command.of("apk", "update"));
    }
}
