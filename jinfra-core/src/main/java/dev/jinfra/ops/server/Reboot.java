package dev.jinfra.ops.server;

import dev.jinfra.command.Command;
import dev.jinfra.deploy.Arg;
import dev.jinfra.deploy.Doc;
import dev.jinfra.deploy.FactSource;
import dev.jinfra.deploy.Operation;
import dev.jinfra.deploy.Plan;
import dev.jinfra.deploy.Reconnects;
import java.time.Duration;

/**
 * {@code server.reboot}: reboots the host and waits until it can be connected to again. The reboot starts a
 * second after the command returned, so the command itself ends cleanly instead of with a lost connection.
 */
@Doc(value = "Reboots the host, then connects again (waiting delay seconds first, giving up after timeout seconds); "
        + "later operations run on the new connection with facts read afresh. A change on every run.",
        example = "server.reboot().sudo();")
public record Reboot(
        @Arg(value = "seconds to wait before trying to connect again (at least 2)", defaultValue = "10") int delay,
        @Arg(value = "seconds the host may take to come back", defaultValue = "300") int timeout,
        @Arg(value = "the command that reboots", defaultValue = "reboot") String command) implements Operation, Reconnects {

    // Detached and delayed: the reboot must not take this command's channel down with it.
    // The command is a command line of its own, like server.shell's, handed over as an argument.
    private static final String DETACHED = "nohup sh -c 'sleep 1; sh -c \"$0\"' \"$1\" >/dev/null 2>&1 &";

    public Reboot {
        if (delay < 2) {
            // Connecting sooner could reach the host before it went down, and take that for being back.
            throw new IllegalArgumentException("server.reboot: delay must be at least 2 seconds (the reboot starts a second after its command)");
        }
        if (timeout < 1) {
            throw new IllegalArgumentException("server.reboot: timeout must be at least 1 second");
        }
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("server.reboot needs a command");
        }
    }

    @Override
    public String describe() {
        return "Reboot";
    }

    @Override
    public Plan plan(FactSource facts) {
        return Plan.run(Command.of("sh", "-c", DETACHED, "sh", command));
    }

    @Override
    public Duration reconnectDelay() {
        return Duration.ofSeconds(delay);
    }

    @Override
    public Duration reconnectTimeout() {
        return Duration.ofSeconds(timeout);
    }
}
