package dev.jinfra.ops.packages;

import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.List;

/**
 * {@code yum.update}: every installed package is updated, when yum check-update lists any; with none, nothing
 * runs, so handlers tied to it fire only after a real update.
 */
@Doc(
        name = "yum.update",
        value =
                "Updates all installed packages with yum update -y when yum check-update lists updates; no change when it "
                        + "lists none. When check-update fails, the update runs.",
        example = "yum.update().sudo();")
public record YumUpdate() implements Operation {

    @Override
    public String describe() {
        return "Yum update";
    }

    @Override
    public Plan plan(FactSource facts) {
        List<String> updates = facts.get(new RpmUpdates("yum"));
        if (updates != null && updates.isEmpty()) {
            return Plan.noChange("yum has no package updates");
        }
        return Plan.run(Command.of("yum", "update", "-y"));
    }
}
