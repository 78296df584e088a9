package dev.jinfra.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Where a command reads and writes: the real terminal in production, captured streams in tests.
 *
 * @param terminal whether a person is watching (progress display and colours)
 */
public record Console(PrintStream out, PrintStream err, Path cwd, boolean terminal) {

    public static Console system() {
        var console = System.console();
        return new Console(System.out, System.err, Path.of("").toAbsolutePath(), console != null && console.isTerminal());
    }

    /** Reads a secret without echo, or returns null when there is no terminal to ask. */
    public String readSecret(String prompt) {
        var console = System.console();
        if (console == null || !console.isTerminal()) {
            return null;
        }
        char[] chars = console.readPassword("%s", prompt);
        return chars == null ? null : new String(chars);
    }
}
