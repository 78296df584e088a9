package dev.jinfra.ops.server;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;

/**
 * {@code server.waitForPort}: waits until something listens on a TCP port of the host, e.g. after a service was
 * (re)started, before the next operation talks to it.
 */
@Doc(
        name = "server.waitForPort",
        value =
                "Waits until something listens on a TCP port of the host (checked once a second, failing after timeout seconds); "
                        + "no change when it already does.",
        example = "server.waitForPort(8080);")
public record WaitForPort(
        @Arg(value = "the TCP port", required = true) int port,

        @Arg(value = "seconds to wait at most", defaultValue = "60")
        int timeout)
        implements Operation {

    // /proc/net/tcp rows: "sl local_address rem_address st ..."; state 0A is LISTEN, ports in upper-case hex.
    private static final String POLL = "p=$(printf '%04X' \"$1\"); i=0; "
            + "while ! grep -q \":$p [0-9A-F]*:[0-9A-F]* 0A \" /proc/net/tcp /proc/net/tcp6 2>/dev/null; do "
            + "i=$((i+1)); if [ \"$i\" -gt \"$2\" ]; then echo \"nothing listens on port $1 after $2 s\" >&2; exit 1; fi; "
            + "sleep 1; done";

    public WaitForPort {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("server.waitForPort: port must be between 1 and 65535, not " + port);
        }
        if (timeout < 1) {
            throw new IllegalArgumentException("server.waitForPort: timeout must be at least 1 second");
        }
    }

    @Override
    public String describe() {
        return "Wait for port " + port;
    }

    @Override
    public Plan plan(FactSource facts) {
        if (facts.get(new ListeningPorts()).contains(port)) {
            return Plan.noChange("port " + port + " is listening");
        }
        return Plan.run(Command.script(POLL, Integer.toString(port), Integer.toString(timeout)));
    }
}
