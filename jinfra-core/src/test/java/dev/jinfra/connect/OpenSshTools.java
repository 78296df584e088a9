package dev.jinfra.connect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The OpenSSH client tools (ssh-keygen, ssh-agent, ssh-add) for tests that need real key files and agents. */
final class OpenSshTools {
    private OpenSshTools() {}

    /** Runs a tool to completion and returns its combined output; fails the test if it exits non-zero. */
    static String run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        var pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroy();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    static String run(String... command) throws IOException, InterruptedException {
        return run(Map.of(), command);
    }

    /**
     * A private ssh-agent listening on {@code socket}, stopped by {@link #close()}: exactly the process started
     * here is destroyed, never any other agent of the machine.
     */
    static final class Agent implements AutoCloseable {
        final Path socket;
        private final Process process;

        Agent(Path socket) throws IOException {
            this.socket = socket;
            this.process = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            // With -D the agent prints "SSH_AUTH_SOCK=...; export SSH_AUTH_SOCK;" once its socket listens, so
            // reading that line is the signal that it is ready; no polling for the socket file.
            var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            if (first == null || !first.startsWith("SSH_AUTH_SOCK=")) {
                close();
                throw new IllegalStateException("ssh-agent did not start: " + first);
            }
        }

        long pid() {
            return process.pid();
        }

        /** Adds a key file to this agent (and only this one: ssh-add finds it by SSH_AUTH_SOCK). */
        void add(Path keyFile) throws IOException, InterruptedException {
            run(Map.of("SSH_AUTH_SOCK", socket.toString()), "ssh-add", keyFile.toString());
        }

        List<String> listedKeys() throws IOException, InterruptedException {
            return run(Map.of("SSH_AUTH_SOCK", socket.toString()), "ssh-add", "-l")
                    .lines()
                    .toList();
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
