package dev.jinfra.ops.packages;

import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;

/**
 * {@code pacman.update}: refreshes pacman's package databases. Whether they were out of date is only known to
 * pacman after it has looked, so the operation always counts as a change.
 */
@Doc(
        name = "pacman.update",
        value = "Refreshes pacman's package databases (pacman -Sy). Always reported as a change. Arch supports no "
                + "partial upgrades: follow it with pacman.upgrade rather than installing from fresh databases alone.",
        example = "pacman.update().sudo();")
public record PacmanUpdate() implements Operation {

    @Override
    public String describe() {
        return "Update pacman databases";
    }

    @Override
    public Plan plan(FactSource facts) {
        return Plan.run(Command.of("pacman", "-Sy", "--noconfirm"));
    }
}
