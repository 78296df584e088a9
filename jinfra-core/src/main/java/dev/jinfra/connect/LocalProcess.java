package dev.jinfra.connect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command run as a process of the machine running jinfra: by the local connector itself, or through a program
 * that enters the target ({@code chroot DIR sh -c …}, {@code docker exec -i NAME sh -c …}). The words are the
 * process's arguments as they are, with no local shell in between, so the command text is quoted once, for the
 * shell at the target.
 */
final class LocalProcess {
    private LocalProcess() {}

    /** What a target's program adds to a command run through it. */
    interface Hooks {
        Hooks NONE = new Hooks() {};

        /** The stream the process's standard error goes to, given the one that captures it. */
        default OutputStream stderr(OutputStream capture) {
            return capture;
        }

        /** The command's process started; {@link #finished} follows whatever happens. */
        default void started(Process process) {}

        default void finished(Process process) {}

        /**
         * Ends the command at the target when it ran out of time or the run was interrupted, before the local
         * process is killed: a container's processes do not end with the local {@code exec} client.
         */
        default void stop() {}
    }

    /** Runs {@code words} with the request's input, uploads and time limit; never throws for the command's failure. */
    static CommandResult run(List<String> words, CommandRequest request, OutputListener listener, Hooks hooks) {
        long start = System.nanoTime();
        var out = new OutputCapture(listener, OutputListener.Stream.STDOUT, OutputCapture.DEFAULT_LIMIT);
        var err = new OutputCapture(listener, OutputListener.Stream.STDERR, OutputCapture.DEFAULT_LIMIT);
        Process process;
        try {
            process = new ProcessBuilder(words).start();
        } catch (IOException e) {
            return new CommandResult(
                    CommandResult.Outcome.EXITED,
                    127,
                    "",
                    "cannot start " + words.getFirst() + ": " + e.getMessage(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
        hooks.started(process);
        try {
            return await(process, request, hooks, out, err, start);
        } finally {
            hooks.finished(process);
        }
    }

    private static CommandResult await(
            Process process, CommandRequest request, Hooks hooks, OutputCapture out, OutputCapture err, long start) {
        Thread outPump = pump(process.getInputStream(), out);
        Thread errPump = pump(process.getErrorStream(), hooks.stderr(err));
        try (OutputStream stdin = process.getOutputStream()) {
            PipedUpload.writeInput(request, stdin, err);
        } catch (IOException ignored) {
            // The command exited without reading its input; its exit status tells the rest.
        }
        try {
            boolean done;
            if (request.timeout().isZero()) {
                process.waitFor();
                done = true;
            } else {
                done = process.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            if (!done) {
                hooks.stop();
                kill(process);
                return finish(CommandResult.Outcome.TIMED_OUT, -1, out, err, outPump, errPump, start);
            }
            return finish(CommandResult.Outcome.EXITED, process.exitValue(), out, err, outPump, errPump, start);
        } catch (InterruptedException e) {
            hooks.stop();
            kill(process);
            Thread.currentThread().interrupt();
            return finish(CommandResult.Outcome.CONNECTION_LOST, -1, out, err, outPump, errPump, start);
        }
    }

    /** What a short helper command (a check, a download, an upload) printed and how it ended. */
    record Finished(int exitCode, byte[] stdout, String stderr) {
        /** The first line of standard error, for a message of one line; empty when there is none. */
        String firstErrorLine() {
            return stderr.strip().lines().findFirst().orElse("");
        }
    }

    /** Writes a helper command's standard input; exceptions from the payload pass on to the caller. */
    @FunctionalInterface
    interface Input {
        Input NONE = stdin -> {};

        void writeTo(OutputStream stdin) throws IOException;
    }

    /**
     * Runs a helper command to its end and keeps all it prints (a download's bytes among it).
     *
     * @param timeout how long it may run; {@link Duration#ZERO} for as long as it takes (an upload of any size)
     * @throws IOException when it cannot start, runs longer than {@code timeout}, or {@code input} fails (after
     *     the process was ended)
     */
    static Finished call(List<String> words, Input input, Duration timeout) throws IOException {
        Process process = new ProcessBuilder(words).start();
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        Thread outPump = pump(process.getInputStream(), out);
        Thread errPump = pump(process.getErrorStream(), err);
        PayloadStream.LocalFileChanged changed = null;
        try {
            try (OutputStream stdin = process.getOutputStream()) {
                input.writeTo(stdin);
            } catch (PayloadStream.LocalFileChanged e) {
                // The command was told and removes what it wrote; it ends once its input is closed.
                changed = e;
            } catch (IOException ignored) {
                // The command stopped reading; its exit status and standard error say why.
            }
            if (timeout.isZero()) {
                process.waitFor();
            } else if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new IOException(words.getFirst() + " did not finish within " + timeout.toSeconds() + "s");
            }
            outPump.join();
            errPump.join();
            if (changed != null) {
                throw changed;
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
        return new Finished(process.exitValue(), out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Ends a command whose connection is closed under it (Ctrl-C): TERM now to the process and its children, KILL to
     * those left after a second, off the caller's thread, as for SSH sessions.
     */
    static void end(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        Thread.ofVirtual().start(() -> {
            try {
                if (!process.waitFor(1, TimeUnit.SECONDS)) {
                    kill(process);
                }
            } catch (InterruptedException e) {
                kill(process);
            }
        });
    }

    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static CommandResult finish(
            CommandResult.Outcome outcome,
            int exit,
            OutputCapture out,
            OutputCapture err,
            Thread outPump,
            Thread errPump,
            long start) {
        try {
            // A killed command's grandchildren may hold the pipes open; do not wait on them for long.
            outPump.join(Duration.ofSeconds(2));
            errPump.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
        err.flush();
        return new CommandResult(outcome, exit, out.text(), err.text(), Duration.ofNanos(System.nanoTime() - start));
    }

    private static Thread pump(InputStream in, OutputStream to) {
        return Thread.ofVirtual().start(() -> {
            try (in) {
                in.transferTo(to);
            } catch (IOException ignored) {
                // The process was killed; what arrived so far is kept.
            }
        });
    }
}
