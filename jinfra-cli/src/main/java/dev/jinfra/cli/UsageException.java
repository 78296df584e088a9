package dev.jinfra.cli;

/** A mistake in what the user asked for: printed as one line, exit code {@link ExitCode#USAGE}. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
