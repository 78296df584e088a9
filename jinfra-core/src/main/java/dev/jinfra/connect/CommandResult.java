package dev.jinfra.connect;

import java.time.Duration;

/**
 * What a command did on one host.
 *
 * @param outcome whether the command exited, ran out of time, or lost its connection
 * @param exitCode the exit status when {@code outcome} is {@link Outcome#EXITED}, else -1
 * @param stdout standard output as UTF-8 text (capped: see {@link OutputCapture})
 * @param stderr standard error as UTF-8 text (capped)
 */
public record CommandResult(Outcome outcome, int exitCode, String stdout, String stderr, Duration duration) {

    public enum Outcome {
        EXITED,
        TIMED_OUT,
        /** The session or channel closed before the command reported an exit status. */
        CONNECTION_LOST
    }

    public boolean succeeded() {
        return outcome == Outcome.EXITED && exitCode == 0;
    }
}
