package dev.jinfra.engine;

import dev.jinfra.command.Command;
import dev.jinfra.connect.CommandRequest;
import dev.jinfra.connect.CommandResult;
import dev.jinfra.connect.Connection;
import dev.jinfra.connect.OutputListener;
import java.time.Duration;

/** Runs one ad-hoc command on a host: the work behind {@code jinfra INVENTORY exec}. */
public final class ExecWork implements HostWork {
    private final CommandRequest request;

    /**
     * @param sudoPassword sent on stdin for {@code sudo -S} when the command uses sudo; never shown or logged
     */
    public ExecWork(Command command, String sudoPassword, Duration timeout) {
        Command c = command;
        byte[] stdin = c.stdin(null);
        if (c.usesSudo() && sudoPassword != null) {
            stdin = Command.sudoStdin(sudoPassword, stdin);
        }
        this.request = new CommandRequest(c.render(), stdin, timeout);
    }

    public String commandText() {
        return request.command();
    }

    @Override
    public HostResult run(Connection connection, OutputListener output) {
        CommandResult r = connection.run(request, output);
        HostState state;
        String error = null;
        switch (r.outcome()) {
            case EXITED -> state = r.exitCode() == 0 ? HostState.SUCCEEDED : HostState.FAILED;
            case TIMED_OUT -> {
                state = HostState.TIMED_OUT;
                error = "timed out after " + describe(request.timeout());
            }
            default -> {
                state = HostState.FAILED;
                error = "connection lost before the command finished";
            }
        }
        return new HostResult(connection.host(), state, r.exitCode(), r.stdout(), r.stderr(), error, r.duration());
    }

    /** A timeout as the user would write it: 500ms, 2s, 1.5s. */
    public static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        if (ms < 1000) {
            return ms + "ms";
        }
        return java.math.BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString() + "s";
    }
}
