package dev.jinfra.ops.packages;

import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.List;

/**
 * {@code dnf.update}: every installed package is updated, when dnf check-update lists any; with none, nothing
 * runs, so handlers tied to it fire only after a real update.
 */
@Doc(
        name = "dnf.update",
        value =
                "Updates all installed packages with dnf upgrade -y when dnf check-update lists updates; no change when it "
                        + "lists none. When check-update fails, the update runs.",
        example = "dnf.update().sudo();")
public record DnfUpdate() implements Operation {

    @Override
    public String describe() {
        return "Dnf update";
    }

    @Override
    public Plan plan(FactSource facts) {
        List<String> updates = facts.get(new RpmUpdates("dnf"));
        if (updates != null && updates.isEmpty()) {
            return Plan.noChange("dnf has no package updates");
        }
        return Plan.run(Command.of("dnf", "upgrade", "-y"));
    }
}
