package dev.jinfra.ops.packages;

import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;

/**
 * {@code pacman.upgrade}: the databases are refreshed and every package upgraded in one call, the only upgrade
 * Arch supports. Always a change: only pacman knows whether anything was out of date.
 */
@Doc(
        name = "pacman.upgrade",
        value =
                "Refreshes pacman's databases and upgrades every installed package (pacman -Syu). Always reported as a change.",
        example = "pacman.upgrade().sudo();")
public record PacmanUpgrade() implements Operation {

    @Override
    public String describe() {
        return "Pacman upgrade";
    }

    @Override
    public Plan plan(FactSource facts) {
        return Plan.run(Command.of("pacman", "-Syu", "--noconfirm"));
    }
}
