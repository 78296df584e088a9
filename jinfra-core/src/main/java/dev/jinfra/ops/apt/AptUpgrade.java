package dev.jinfra.ops.apt;

import dev.jinfra.command.Command;
import dev.jinfra.deploy.Arg;
import dev.jinfra.deploy.Doc;
import dev.jinfra.deploy.FactSource;
import dev.jinfra.deploy.Operation;
import dev.jinfra.deploy.Plan;

/**
 * {@code apt.upgrade}: upgrades every installed package. Whether anything is out of date is only known to apt
 * after it has looked, so the operation always counts as a change.
 */
@Doc(value = "Upgrades all installed packages with apt-get upgrade (or dist-upgrade). Always reported as a change: "
        + "only apt knows whether anything was upgradable. Run apt.update first for current lists.",
        example = "apt.upgrade().sudo();")
public record AptUpgrade(
        @Arg("use dist-upgrade, which may also install new dependencies and remove packages") boolean distUpgrade)
        implements Operation {

    @Override
    public String describe() {
        return distUpgrade ? "Apt dist-upgrade" : "Apt upgrade";
    }

    @Override
    public Plan plan(FactSource facts) {
        // As apt.packages does: the variable goes through the command's environment, so apt never stops to ask.
        return Plan.run(Command.of("apt-get", distUpgrade ? "dist-upgrade" : "upgrade", "-y")
                .env("DEBIAN_FRONTEND", "noninteractive"));
    }
}
