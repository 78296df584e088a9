package dev.jinfra.ops.apt;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import java.util.List;

/**
 * {@code apt.upgrade}: upgrades every installed package. Whether anything is out of date is only known to apt
 * after it has looked, so the operation always counts as a change.
 */
@Doc(
        name = "apt.upgrade",
        value = "Upgrades all installed packages with apt-get upgrade (or dist-upgrade). Always reported as a change: "
                + "only apt knows whether anything was upgradable. Run apt.update first for current lists. As with apt.packages, "
                + "configuration files changed on the host are kept and apt waits up to 120 s for its lock.",
        example = "apt.upgrade().sudo();")
public record AptUpgrade(
        @Arg("use dist-upgrade, which may also install new dependencies and remove packages")
        boolean distUpgrade) implements Operation {

    @Override
    public String describe() {
        return distUpgrade ? "Apt dist-upgrade" : "Apt upgrade";
    }

    @Override
    public Plan plan(FactSource facts) {
        return Plan.run(AptGet.command(List.of(distUpgrade ? "dist-upgrade" : "upgrade", "-y")));
    }
}
