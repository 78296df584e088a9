package dev.jinfra.cli;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which standard streams are terminals, and questions asked on the terminal.
 *
 * <p>The JDK only tells whether standard input and output are both terminals ({@code Console.isTerminal()}),
 * which is false as soon as the results are redirected, although the progress on standard error and the
 * questions could still reach the person at the terminal. So each stream is checked on its own through the
 * device its file descriptor points at, and questions go to {@code /dev/tty}, the controlling terminal, when
 * the standard streams are not both terminals.
 */
public final class Terminal {
    private Terminal() {}

    /** Asks the user; every answer is null and {@link #available()} false where nobody can be asked. */
    public interface Prompter {
        boolean available();

        /** A line typed without echo, or null. */
        String readSecret(String prompt);

        /** A line typed, or null. */
        String readLine(String prompt);
    }

    static final Prompter NO_PROMPTER = new Prompter() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public String readSecret(String prompt) {
            return null;
        }

        @Override
        public String readLine(String prompt) {
            return null;
        }
    };

    /** The JDK's console when it is a terminal, else the controlling terminal. */
    static final Prompter PROMPTER = new Prompter() {
        @Override
        public boolean available() {
            return jdkConsole() != null || ttyOpens();
        }

        @Override
        public synchronized String readSecret(String prompt) {
            var console = jdkConsole();
            if (console != null) {
                char[] chars = console.readPassword("%s", prompt);
                return chars == null ? null : new String(chars);
            }
            return readTty(prompt, false);
        }

        @Override
        public synchronized String readLine(String prompt) {
            var console = jdkConsole();
            return console != null ? console.readLine("%s", prompt) : readTty(prompt, true);
        }
    };

    /**
     * Whether file descriptor {@code fd} (1 for standard output, 2 for standard error) is a terminal. On Linux
     * {@code /proc/self/fd} names the device; elsewhere the JDK's check, which needs stdin and stdout both.
     */
    static boolean isTerminal(int fd) {
        return isTerminal(Path.of("/proc/self/fd/" + fd));
    }

    /** @param descriptor a link to what a file descriptor is open on, as in /proc/self/fd */
    static boolean isTerminal(Path descriptor) {
        try {
            return isTerminalDevice(Files.readSymbolicLink(descriptor).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            var console = System.console();
            return console != null && console.isTerminal();
        }
    }

    /** A pseudo-terminal ({@code /dev/pts/3}), a console or serial line ({@code /dev/tty1}); not a file or pipe. */
    static boolean isTerminalDevice(String target) {
        return target.matches("/dev/pts/\\d+") || target.matches("/dev/tty\\w*") || target.equals("/dev/console");
    }

    private static java.io.Console jdkConsole() {
        var console = System.console();
        return console != null && console.isTerminal() ? console : null;
    }

    private static final File TTY = new File("/dev/tty");

    /** /dev/tty exists for every process, but opens only for one that has a controlling terminal. */
    private static boolean ttyOpens() {
        try (var in = new FileInputStream(TTY);
                var out = new FileOutputStream(TTY)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Asks on /dev/tty; without echo only if stty can turn it off, since a secret must not show. */
    private static String readTty(String prompt, boolean echo) {
        try (var in = new FileInputStream(TTY);
                var out = new FileOutputStream(TTY)) {
            Thread restore = new Thread(() -> stty("echo"));
            if (!echo) {
                if (!stty("-echo")) {
                    return null;
                }
                // Ctrl-C at the prompt must not leave the terminal without echo.
                Runtime.getRuntime().addShutdownHook(restore);
            }
            try {
                out.write(prompt.getBytes(Charset.defaultCharset()));
                out.flush();
                String line = readLine(in);
                if (!echo) {
                    // The Enter that ended the secret was not echoed either.
                    out.write('\n');
                }
                return line;
            } finally {
                if (!echo) {
                    stty("echo");
                    try {
                        Runtime.getRuntime().removeShutdownHook(restore);
                    } catch (IllegalStateException shuttingDown) {
                        // The hook runs anyway.
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean stty(String setting) {
        try {
            Process p = new ProcessBuilder("stty", setting)
                    .redirectInput(TTY)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One line without its line end; null at the end of input before any character. */
    static String readLine(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        if (b < 0 && line.size() == 0) {
            return null;
        }
        String text = line.toString(Charset.defaultCharset());
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
