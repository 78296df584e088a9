package dev.jinfra.connect;

import java.time.Duration;

/**
 * One command to run on a host.
 *
 * @param command the text for the remote shell, already quoted (see {@link dev.jinfra.command.Command})
 * @param stdin bytes sent to the command's standard input then closed, or null for none
 * @param timeout how long the command may run; {@link Duration#ZERO} for no limit
 * @param uploads contents sent on standard input after {@code stdin}, one after the other, each taken by a
 *     command that starts with {@link PipedUpload#prefix} (a script of several operations has several); empty
 *     for none
 */
public record CommandRequest(
        String command, byte[] stdin, Duration timeout, java.util.List<dev.jinfra.api.Payload> uploads) {
    public CommandRequest(String command, byte[] stdin, Duration timeout) {
        this(command, stdin, timeout, java.util.List.of());
    }

    /** One upload, for a command that starts with {@link PipedUpload#prefix}; null for none. */
    public CommandRequest(String command, byte[] stdin, Duration timeout, dev.jinfra.api.Payload upload) {
        this(command, stdin, timeout, upload == null ? java.util.List.of() : java.util.List.of(upload));
    }

    public CommandRequest {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("empty command");
        }
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout < 0: " + timeout);
        }
        uploads = java.util.List.copyOf(uploads);
    }

    public static CommandRequest of(String command) {
        return new CommandRequest(command, null, Duration.ZERO);
    }

    public CommandRequest withTimeout(Duration t) {
        return new CommandRequest(command, stdin, t, uploads);
    }

    public CommandRequest withStdin(byte[] input) {
        return new CommandRequest(command, input, timeout, uploads);
    }
}
