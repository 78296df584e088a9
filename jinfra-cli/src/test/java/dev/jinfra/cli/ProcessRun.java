package dev.jinfra.cli;

import dev.jinfra.testkit.openssh.OpenSshFleet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program run to its end from a test, with its exit code and its output (stdout and stderr together); the
 * end-to-end tests look at hosts through the real OpenSSH client with it, not through jinfra.
 */
record ProcessRun(int exitCode, String out) {
    private static final long TIMEOUT_SECONDS = 120;

    /** {@code command} on {@code host} through OpenSSH's own ssh client. */
    static ProcessRun ssh(OpenSshFleet fleet, OpenSshFleet.Host host, String command) throws Exception {
        return of(fleet.sshCommand(host, command), null);
    }

    static ProcessRun of(List<String> command) throws Exception {
        return of(command, null);
    }

    /** @param dir where it runs; null for this process's directory */
    static ProcessRun of(List<String> command, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new ProcessRun(p.exitValue(), out);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + ": " + out;
    }
}
