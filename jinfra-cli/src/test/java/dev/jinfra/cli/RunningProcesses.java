package dev.jinfra.cli;

import java.time.Duration;
import java.util.List;

/**
 * Processes of this machine whose command line holds a test's own marker. The real-sshd fleet's hosts share
 * this machine's process table, so a test sees what its commands left running on them; the marker keeps it to
 * that test's own processes.
 */
final class RunningProcesses {
    private RunningProcesses() {}

    static List<ProcessHandle> matching(String marker) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .toList();
    }

    /** How many of them are the {@code sleep} program itself (not the shells around it). */
    static long sleeps(String marker) {
        return matching(marker).stream()
                .filter(p -> p.info().command().map(c -> c.endsWith("/sleep")).orElse(false))
                .count();
    }

    /** Waits up to {@code limit} for none to be left, and returns those that are. */
    static List<ProcessHandle> awaitNone(String marker, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        List<ProcessHandle> left = matching(marker);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            left = matching(marker);
        }
        return left;
    }
}
