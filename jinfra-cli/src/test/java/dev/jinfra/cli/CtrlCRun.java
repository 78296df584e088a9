package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A jinfra run in a process of its own that gets Ctrl-C at a chosen point of its progress ({@link CtrlCPoint}).
 */
record CtrlCRun(int exitCode, String out, String err) {

    /**
     * Starts jinfra with {@code args} in {@code cwd}, presses Ctrl-C once the run reaches {@code point}, and waits
     * for jinfra to end. Fails when the run ended before that point, since then nothing was interrupted, or when
     * jinfra does not end soon after the signal.
     */
    static CtrlCRun at(CtrlCPoint point, Path cwd, List<String> args, String context) throws Exception {
        try (var jinfra = JinfraProcess.start(cwd, args)) {
            assumeSigintReaches(jinfra.pid());
            jinfra.awaitWhileRunning(point.reached(), Duration.ofMinutes(3));
            assertThat(point.reached().getAsBoolean())
                    .as("the run reached the point of Ctrl-C before it ended: " + context + "\n" + jinfra.err())
                    .isTrue();
            jinfra.interrupt();
            assertThat(jinfra.waitFor(Duration.ofSeconds(60)))
                    .as("jinfra ends soon after Ctrl-C: " + context)
                    .isTrue();
            return new CtrlCRun(jinfra.exitCode(), jinfra.out(), jinfra.err());
        }
    }

    /**
     * Fails, saying why, when the process ignores SIGINT: a shell without job control starts its background
     * commands so, and everything they start inherits it, the JVM included, which then never hears Ctrl-C. The
     * run would go on to its end, and look like a jinfra that does not stop.
     */
    private static void assumeSigintReaches(long pid) throws java.io.IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!java.nio.file.Files.exists(status)) {
            return; // Not Linux, or already gone: nothing to tell.
        }
        for (String line : java.nio.file.Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long ignored = Long.parseUnsignedLong(
                        line.substring("SigIgn:".length()).strip(), 16);
                assertThat(ignored & (1L << (2 - 1)))
                        .as("SIGINT is ignored by the processes these tests start (were they run in the background by a"
                                + " shell without job control?): Ctrl-C cannot reach jinfra")
                        .isZero();
            }
        }
    }
}
