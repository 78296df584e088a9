package dev.jinfra.ops.service;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/**
 * Whether runit runs a service: {@code sv status DIR/NAME} prints "run: NAME: (pid 123) 50s" when it does, "down: ..."
 * when not; it fails for a service it does not supervise (false then).
 */
@Doc(value = "Whether a runit service runs (sv status NAME says run:); false when down or not supervised.")
public record RunitStatus(
        @Arg(value = "the service, e.g. sshd", required = true)
        String name,

        @Arg(value = "the directory runsvdir watches", defaultValue = "/var/service")
        String servicesDir)
        implements Fact<Boolean> {
    public RunitStatus {
        ServiceNames.check("RunitStatus", "service", name);
        servicesDir = RunitService.directory("RunitStatus", servicesDir == null ? "/var/service" : servicesDir);
    }

    @Override
    public Command command() {
        // A path rather than a name: sv's own default directory differs between distributions (SVDIR).
        return Command.of("sv", "status", servicesDir + "/" + name);
    }

    @Override
    public Boolean parse(String stdout) {
        // A service with a log service gets "; run: log: ..." after its own state: only the first word counts.
        return stdout.strip().startsWith("run:");
    }

    @Override
    public Boolean absent() {
        return false;
    }
}
