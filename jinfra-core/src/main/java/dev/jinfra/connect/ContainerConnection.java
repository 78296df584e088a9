package dev.jinfra.connect;

import dev.jinfra.api.Payload;
import dev.jinfra.command.Command;
import dev.jinfra.inventory.Host;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One container's commands, each an {@code exec} of the engine's program. The words go to the program as they
 * are (no local shell), so the command text is quoted once, for the container's {@code sh}. The environment is
 * part of that text (or its standard input), never the engine's {@code -e}, which would show values in the
 * engine's process list and logs.
 */
final class ContainerConnection implements Connection {
    /**
     * Says the shell's process id first, on standard error, then becomes the command. The engine starts each exec
     * in a session of its own, so that id is also its process group's: a timed-out or interrupted command is ended
     * inside the container, where killing the local client would leave it running.
     */
    private static final String WRAPPER = "echo \"$$\" >&2; exec sh -c \"$1\"";
    /** How long a timed-out command gets to end on TERM before it is sent KILL. */
    private static final int TERM_GRACE_SECONDS = 1;

    private final Host host;
    private final String program;
    private final String container;
    private final String user;
    // Commands still running, each with the line that gives its process id in the container, for close().
    private final Map<Process, ProcessIdLine> running = new ConcurrentHashMap<>();

    ContainerConnection(Host host, String program, String container, String user) {
        this.host = host;
        this.program = program;
        this.container = container;
        this.user = user;
    }

    @Override
    public Host host() {
        return host;
    }

    /** {@code PROGRAM exec [-i] [-u USER] CONTAINER}, the words every exec begins with. */
    private List<String> exec(boolean input) {
        List<String> words = new ArrayList<>(List.of(program, "exec"));
        if (input) {
            words.add("-i");
        }
        if (user != null) {
            words.addAll(List.of("-u", user));
        }
        words.add(container);
        return words;
    }

    @Override
    public CommandResult run(CommandRequest request, OutputListener listener) {
        List<String> words = exec(true);
        words.addAll(List.of("sh", "-c", WRAPPER, "sh", request.command()));
        var pid = new ProcessIdLine();
        return LocalProcess.run(words, request, listener, new LocalProcess.Hooks() {
            @Override
            public OutputStream stderr(OutputStream capture) {
                return pid.before(capture);
            }

            @Override
            public void started(Process process) {
                running.put(process, pid);
            }

            @Override
            public void finished(Process process) {
                running.remove(process);
            }

            @Override
            public void stop() {
                String id = pid.id();
                if (id != null) {
                    end(id);
                }
            }
        });
    }

    /** TERM to the command's process group, then KILL to what is left after the grace time. */
    private void end(String id) {
        List<String> words = exec(false);
        words.addAll(List.of(
                "sh",
                "-c",
                "kill -s TERM -" + id + " 2>/dev/null || exit 0; sleep " + TERM_GRACE_SECONDS + "; kill -s KILL -" + id
                        + " 2>/dev/null; exit 0"));
        try {
            LocalProcess.call(words, LocalProcess.Input.NONE, ContainerConnector.CHECK_TIMEOUT);
        } catch (IOException e) {
            // The container went away, or the engine does not answer: nothing more can be done from here.
        }
    }

    /**
     * Written under a temporary name beside the file, then renamed over it: the file is whole or not there.
     * The content streams through the exec's standard input (see {@link PipedUpload}), private from the start.
     */
    @Override
    public void upload(Payload content, String remotePath) {
        String temp = remotePath + ".jinfra-" + Long.toHexString(System.nanoTime());
        String script = PipedUpload.prefix(temp, content.size())
                + Command.of("mv", "-f", "--", temp, remotePath).render() + " || { "
                + Command.of("rm", "-f", "--", temp).render() + "; exit 1; }";
        List<String> words = exec(true);
        words.addAll(List.of("sh", "-c", script));
        try {
            LocalProcess.Finished done = LocalProcess.call(
                    words,
                    stdin -> {
                        String refused = PipedUpload.send(content, stdin);
                        if (refused != null) {
                            throw new PayloadStream.LocalFileChanged(refused);
                        }
                    },
                    Duration.ZERO);
            if (done.exitCode() != 0) {
                throw new IOException(
                        done.firstErrorLine().isEmpty() ? "exit " + done.exitCode() : done.firstErrorLine());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot upload " + remotePath + " into container " + container + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] download(String remotePath) {
        List<String> words = exec(false);
        words.addAll(List.of("cat", "--", remotePath));
        try {
            LocalProcess.Finished done = LocalProcess.call(words, LocalProcess.Input.NONE, Duration.ZERO);
            if (done.exitCode() != 0) {
                throw new IOException(
                        done.firstErrorLine().isEmpty() ? "exit " + done.exitCode() : done.firstErrorLine());
            }
            return done.stdout();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot download " + remotePath + " from container " + container + ": " + e.getMessage(), e);
        }
    }

    /**
     * Commands still running are ended in the container and their local clients killed (Ctrl-C closes connections
     * to stop a run), off the caller's thread: each end is a command of the engine of its own.
     */
    @Override
    public void close() {
        running.forEach((process, pid) -> Thread.ofVirtual().start(() -> {
            String id = pid.id();
            if (id != null) {
                end(id);
            }
            LocalProcess.kill(process);
        }));
    }

    /** Takes the wrapper's first line of standard error (the process id) off the command's output. */
    private static final class ProcessIdLine {
        private final ByteArrayOutputStream first = new ByteArrayOutputStream();
        private volatile String id;

        String id() {
            return id;
        }

        OutputStream before(OutputStream capture) {
            return new OutputStream() {
                private boolean passing;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    int i = off;
                    while (!passing && i < off + len) {
                        byte c = b[i++];
                        if (c != '\n') {
                            first.write(c);
                            continue;
                        }
                        passing = true;
                        String line = first.toString(StandardCharsets.UTF_8);
                        if (line.matches("\\d{1,10}")) {
                            id = line;
                        } else {
                            // The engine's own complaint, from before the wrapper ran: it is the command's to show.
                            capture.write(first.toByteArray());
                            capture.write('\n');
                        }
                    }
                    if (passing && i < off + len) {
                        capture.write(b, i, off + len - i);
                    }
                }

                @Override
                public void close() throws IOException {
                    if (!passing && first.size() > 0) {
                        capture.write(first.toByteArray());
                    }
                    capture.close();
                }
            };
        }
    }
}
