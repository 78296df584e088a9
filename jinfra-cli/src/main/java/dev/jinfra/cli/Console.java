package dev.jinfra.cli;

import dev.jinfra.cli.output.StatusLineStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where a command reads and writes: the real terminal in production, captured streams in tests.
 *
 * <p>Standard output and standard error are told apart because they are redirected apart: with
 * {@code jinfra ... > out.txt} the results go to a file (no colours there) while the progress on standard error
 * is still watched on the terminal. Questions (a sudo password, a key's passphrase) are asked on the terminal
 * itself, so they work whatever the standard streams are.
 *
 * @param outTerminal whether standard output is a terminal: colours in the results
 * @param errTerminal whether standard error is a terminal: the live progress line, colours in it
 * @param prompter where to ask the user questions
 */
public record Console(
        PrintStream out,
        PrintStream err,
        Path cwd,
        boolean outTerminal,
        boolean errTerminal,
        Terminal.Prompter prompter) {

    /** Both streams a terminal or neither; questions only on a terminal. */
    public Console(PrintStream out, PrintStream err, Path cwd, boolean terminal) {
        this(out, err, cwd, terminal, terminal, terminal ? Terminal.PROMPTER : Terminal.NO_PROMPTER);
    }

    public static Console system() {
        // UTF-8 whatever the locale: hosts' output is decoded as UTF-8, JSON must be UTF-8, and under LANG=C
        // (cron, systemd units, containers) the JDK would otherwise turn every non-ASCII character into '?'.
        var out = new PrintStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), true, StandardCharsets.UTF_8);
        boolean errTerminal = Terminal.isTerminal(2);
        var errBytes = new BufferedOutputStream(new FileOutputStream(FileDescriptor.err));
        PrintStream err =
                errTerminal ? new StatusLineStream(errBytes) : new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        return new Console(
                out, err, Path.of("").toAbsolutePath(), Terminal.isTerminal(1), errTerminal, Terminal.PROMPTER);
    }

    /** Whether there is a terminal to ask questions on. */
    public boolean canPrompt() {
        return prompter.available();
    }

    /** Reads a secret without echo, or returns null when there is no terminal to ask. */
    public String readSecret(String prompt) {
        return withoutStatusLine(() -> prompter.readSecret(prompt));
    }

    /** Reads a line of an answer, or returns null when there is no terminal to ask. */
    public String readLine(String prompt) {
        return withoutStatusLine(() -> prompter.readLine(prompt));
    }

    /** A live progress line redrawn meanwhile would wipe out the prompt and what the user types. */
    private String withoutStatusLine(java.util.function.Supplier<String> question) {
        if (!(err instanceof StatusLineStream status)) {
            return question.get();
        }
        status.pause();
        try {
            return question.get();
        } finally {
            status.resume();
        }
    }
}
