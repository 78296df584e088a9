package dev.jinfra.ops.server;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.api.Reconnects;
import dev.jinfra.command.Command;
import dev.jinfra.ops.files.FindInFile;
import java.time.Duration;

/**
 * {@code server.reboot}: reboots the host and waits until it can be connected to again. The reboot starts a
 * second after the command returned, so the command itself ends cleanly instead of with a lost connection.
 */
@Doc(
        name = "server.reboot",
        value =
                "Reboots the host, then connects again (waiting delay seconds first, giving up after timeout seconds) until "
                        + "the boot id differs from the one before; later operations run on the new connection with facts read afresh. "
                        + "A change on every run.",
        example = "server.reboot().sudo();")
public record Reboot(
        @Arg(value = "seconds to wait before trying to connect again (at least 2)", defaultValue = "10")
        int delay,

        @Arg(value = "seconds the host may take to come back", defaultValue = "300")
        int timeout,

        @Arg(value = "the command that reboots", defaultValue = "reboot")
        String command,

        @Arg(
                value =
                        "a file that reads differently after every boot: the host is back once it does; empty to take the first "
                                + "login (a container that shares its host's kernel keeps the boot id)",
                defaultValue = BOOT_ID)
        String bootId)
        implements Operation, Reconnects {
    static final String BOOT_ID = "/proc/sys/kernel/random/boot_id";

    // Detached and delayed: the reboot must not take this command's channel down with it.
    // The command is a command line of its own, like server.shell's, handed over as an argument.
    private static final String DETACHED = "nohup sh -c 'sleep 1; sh -c \"$0\"' \"$1\" >/dev/null 2>&1 &";

    public Reboot {
        if (delay < 2) {
            // Connecting sooner could reach the host before it went down, and take that for being back.
            throw new IllegalArgumentException(
                    "server.reboot: delay must be at least 2 seconds (the reboot starts a second after its command)");
        }
        if (timeout < 1) {
            throw new IllegalArgumentException("server.reboot: timeout must be at least 1 second");
        }
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("server.reboot needs a command");
        }
        if (bootId == null) {
            bootId = BOOT_ID;
        }
        if (bootId.contains("\n")) {
            throw new IllegalArgumentException("server.reboot: bootId must be a file on one line");
        }
    }

    public Reboot(int delay, int timeout, String command) {
        this(delay, timeout, command, BOOT_ID);
    }

    @Override
    public String describe() {
        return "Reboot";
    }

    @Override
    public Plan plan(FactSource facts) {
        // Checked before rebooting: afterwards a boot id that cannot be read could only fail the run with the host
        // down. A boot id is one line of text, so "a line" is what a readable one has.
        if (!bootId.isEmpty() && facts.get(new FindInFile(bootId, ".")) == null) {
            throw new IllegalStateException("server.reboot: cannot read " + bootId
                    + " to tell the next boot from this one; " + "bootId=\"\" takes the first login instead");
        }
        return Plan.run(Command.of("sh", "-c", DETACHED, "sh", command));
    }

    @Override
    public String bootIdFile() {
        return bootId.isEmpty() ? null : bootId;
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
