package dev.jinfra.ops.service;

import dev.jinfra.command.Command;
import dev.jinfra.deploy.Doc;
import dev.jinfra.deploy.FactSource;
import dev.jinfra.deploy.Operation;
import dev.jinfra.deploy.Plan;

/** {@code systemd.daemon_reload}: systemd rereads unit files. No fact tells whether it is needed, so it always runs. */
@Doc(value = "systemd rereads its unit files (always runs).", example = "service.daemonReload().sudo();")
public record SystemdDaemonReload() implements Operation {
    @Override
    public String describe() {
        return "Systemd daemon-reload";
    }

    @Override
    public Plan plan(FactSource facts) {
        return Plan.run(Command.of("systemctl", "daemon-reload"));
    }
}
