package dev.jinfra.ops.packages;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;

/** {@code apk.upgrade}: upgrades every installed package; always a change, since only apk knows what was old. */
@Doc(
        name = "apk.upgrade",
        value = "Upgrades all installed Alpine packages with apk upgrade. Always reported as a change: only apk knows "
                + "whether anything was upgradable. Run apk.update first for current indexes.",
        example = "apk.upgrade().sudo();")
public record ApkUpgrade(
        @Arg("also replace packages with the versions the repositories have when those differ (--available), "
                + "e.g. after changing repositories")
        boolean available)
        implements Operation {

    @Override
    public String describe() {
        return "Apk upgrade";
    }

    @Override
    public Plan plan(FactSource facts) {
        return Plan.run(available ? Command.of("apk", "upgrade", "--available") : Command.of("apk", "upgrade"));
    }
}
