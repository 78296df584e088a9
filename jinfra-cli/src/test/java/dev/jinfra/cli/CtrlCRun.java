package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.FleetHost;
import dev.jinfra.testkit.SshFleet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A jinfra run in a process of its own that gets Ctrl-C at a chosen point of its progress, measured on the
 * fleet: the SSH sessions the hosts opened plus the commands they received. A point in progress rather than in
 * time replays the same way on a fast and on a loaded machine.
 *
 * @param progressAtInterrupt how far the run had got when the signal was sent
 */
record CtrlCRun(int exitCode, String out, String err, long progressAtInterrupt) {

    /** Sessions opened plus commands received, over the whole fleet. */
    static long progress(SshFleet fleet) {
        long sum = 0;
        for (FleetHost h : fleet.hosts()) {
            sum += h.sessionsOpened() + h.commands().size();
        }
        return sum;
    }

    /**
     * Starts jinfra with {@code args} in {@code cwd}, presses Ctrl-C once the fleet's progress reaches
     * {@code point}, and waits for jinfra to end. Fails when the run ended before that point, since then nothing
     * was interrupted, or when jinfra does not end soon after the signal.
     */
    static CtrlCRun at(long point, SshFleet fleet, Path cwd, List<String> args, String context) throws Exception {
        try (var jinfra = JinfraProcess.start(cwd, args)) {
            assumeSigintReaches(jinfra.pid());
            jinfra.awaitWhileRunning(() -> progress(fleet) >= point, Duration.ofMinutes(3));
            long reached = progress(fleet);
            assertThat(reached)
                    .as("the run reached the point of Ctrl-C before it ended: " + context + "\n" + jinfra.err())
                    .isGreaterThanOrEqualTo(point);
            jinfra.interrupt();
            assertThat(jinfra.waitFor(Duration.ofSeconds(60)))
                    .as("jinfra ends soon after Ctrl-C: " + context)
                    .isTrue();
            return new CtrlCRun(jinfra.exitCode(), jinfra.out(), jinfra.err(), reached);
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
