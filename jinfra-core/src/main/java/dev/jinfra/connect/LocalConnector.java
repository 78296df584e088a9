package dev.jinfra.connect;

import dev.jinfra.inventory.Host;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Runs commands on the machine running jinfra, through {@code /bin/sh -c}, without SSH. */
public final class LocalConnector implements Connector {

    @Override
    public Connection connect(Host host) {
        return new LocalConnection(host);
    }

    @Override
    public void close() {}

    private record LocalConnection(Host host) implements Connection {

        @Override
        public CommandResult run(CommandRequest request, OutputListener listener) {
            long start = System.nanoTime();
            var out = new OutputCapture(listener, OutputListener.Stream.STDOUT, OutputCapture.DEFAULT_LIMIT);
            var err = new OutputCapture(listener, OutputListener.Stream.STDERR, OutputCapture.DEFAULT_LIMIT);
            Process process;
            try {
                process = new ProcessBuilder("/bin/sh", "-c", request.command()).start();
            } catch (IOException e) {
                return new CommandResult(
                        CommandResult.Outcome.EXITED,
                        127,
                        "",
                        "cannot start /bin/sh: " + e.getMessage(),
                        Duration.ofNanos(System.nanoTime() - start));
            }
            Thread outPump = pump(process.getInputStream(), out);
            Thread errPump = pump(process.getErrorStream(), err);
            try (OutputStream stdin = process.getOutputStream()) {
                if (request.stdin() != null) {
                    stdin.write(request.stdin());
                }
                for (var upload : request.uploads()) {
                    String refused = PipedUpload.send(upload, stdin);
                    if (refused != null) {
                        err.note(refused);
                    }
                }
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
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    return finish(CommandResult.Outcome.TIMED_OUT, -1, out, err, outPump, errPump, start);
                }
                return finish(CommandResult.Outcome.EXITED, process.exitValue(), out, err, outPump, errPump, start);
            } catch (InterruptedException e) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                return finish(CommandResult.Outcome.CONNECTION_LOST, -1, out, err, outPump, errPump, start);
            }
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
            return new CommandResult(
                    outcome, exit, out.text(), err.text(), Duration.ofNanos(System.nanoTime() - start));
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

        @Override
        public void upload(dev.jinfra.api.Payload content, String remotePath) {
            // Private from the moment it exists, as over SSH: the upload may be a rendered secret in /tmp.
            var path = java.nio.file.Path.of(remotePath);
            var privateMode = java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            try (var channel = java.nio.file.Files.newByteChannel(
                            path,
                            java.util.Set.of(
                                    java.nio.file.StandardOpenOption.CREATE,
                                    java.nio.file.StandardOpenOption.WRITE,
                                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING),
                            privateMode);
                    var out = java.nio.channels.Channels.newOutputStream(channel)) {
                PayloadStream.copy(content, out, remotePath);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot write " + remotePath + ": " + e.getMessage(), e);
            }
        }

        @Override
        public byte[] download(String remotePath) {
            try {
                return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(remotePath));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + remotePath + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {}
    }
}
