package dev.jinfra.cli;

import dev.jinfra.command.Command;
import dev.jinfra.deploy.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The lowest level of the per-operation settings for deploys: what operations, deploy pieces and host data
 * leave unsaid. Only settings that are values live here; conditions ({@code when}, {@code retryUntil}) are
 * code and belong to deploy files.
 */
final class OperationControlOptions {
    @Option(names = "--su-user", paramLabel = "USER", description = "Run commands as USER through su.")
    String suUser;

    @Option(names = "--doas-user", paramLabel = "USER", description = "Run commands as USER through doas.")
    String doasUser;

    @Option(names = "--shell", paramLabel = "PROGRAM", description = "The shell that interprets commands (default sh).")
    String shell;

    @Option(names = "--retries", paramLabel = "N", description = "Run a failed command up to N more times.")
    Integer retries;

    @Option(
            names = "--retry-delay",
            paramLabel = "DURATION",
            converter = DurationArg.class,
            description = "Wait between retries (default none).")
    Duration retryDelay;

    @Option(
            names = "--success-exit-codes",
            paramLabel = "CODE",
            split = ",",
            description = "Exit codes that count as success (default 0).")
    List<Integer> successExitCodes = new ArrayList<>();

    @Option(names = "--ignore-errors", description = "A failed operation is reported, but its host stays in the run.")
    boolean ignoreErrors;

    @Option(
            names = "--continue-on-error",
            description = "After a failed command, run the operation's remaining commands.")
    boolean continueOnError;

    Settings applyTo(Settings s) {
        if (suUser != null) {
            s = s.su(RunAsOptions.userName("--su-user", suUser));
        }
        if (doasUser != null) {
            s = s.doas(RunAsOptions.userName("--doas-user", doasUser));
        }
        if (shell != null) {
            try {
                // Command's rule, which would otherwise reject the program on every host.
                Command.shell("true").interpreter(shell);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--shell: '" + shell + "' is not a program name (letters, digits, _ . / -)");
            }
            s = s.shell(shell);
        }
        if (retries != null || retryDelay != null) {
            if (retries != null && retries < 0) {
                throw new UsageException("--retries must not be negative");
            }
            s = s.retries(retries == null ? 1 : retries, retryDelay == null ? Duration.ZERO : retryDelay);
        }
        if (!successExitCodes.isEmpty()) {
            s = s.successExitCodes(successExitCodes.toArray(Integer[]::new));
        }
        if (ignoreErrors) {
            s = s.ignoreErrors();
        }
        return continueOnError ? s.continueOnError() : s;
    }
}
