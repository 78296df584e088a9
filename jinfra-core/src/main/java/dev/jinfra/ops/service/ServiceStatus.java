package dev.jinfra.ops.service;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** Whether a SysV init script reports its service running: LSB scripts exit 0 from {@code status} only then. */
@Doc(value = "Whether a sysvinit service is running (its status action exits 0).")
public record ServiceStatus(
        @Arg(value = "the service (init script) name, e.g. nginx", required = true)
        String name) implements Fact<Boolean> {
    public ServiceStatus {
        ServiceNames.check("ServiceStatus", "service", name);
    }

    @Override
    public Command command() {
        return Command.of("service", name, "status");
    }

    @Override
    public Boolean parse(String stdout) {
        return true;
    }

    @Override
    public Boolean absent() {
        return false;
    }
}
