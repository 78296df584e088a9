package dev.jinfra.cli;

import java.time.Duration;
import java.util.List;

/** One fact read across the fleet: every host's reading in inventory order, and how long it took. */
record FactRun(String fact, List<FactReading> readings, Duration elapsed, boolean interrupted) {
    FactRun {
        readings = List.copyOf(readings);
    }

    long count(FactReading.State state) {
        return readings.stream().filter(r -> r.state() == state).count();
    }

    /** As for exec: a host that was reached but failed outranks one that was not reached. */
    int exitCode() {
        if (interrupted) {
            return ExitCode.INTERRUPTED;
        }
        if (count(FactReading.State.NOT_STARTED) > 0
                && count(FactReading.State.FAILED) == 0
                && count(FactReading.State.UNREACHABLE) > 0) {
            return ExitCode.HOSTS_UNREACHABLE;
        }
        if (count(FactReading.State.NOT_STARTED) > 0) {
            return ExitCode.HOSTS_FAILED;
        }
        if (count(FactReading.State.FAILED) > 0) {
            return ExitCode.HOSTS_FAILED;
        }
        return count(FactReading.State.UNREACHABLE) > 0 ? ExitCode.HOSTS_UNREACHABLE : ExitCode.OK;
    }

    /** "DirectoryInfo path=/srv: 9 of 10 hosts read; 1 unreachable". */
    String describe() {
        StringBuilder sb = new StringBuilder(fact)
                .append(": ")
                .append(count(FactReading.State.READ))
                .append(" of ")
                .append(readings.size())
                .append(readings.size() == 1 ? " host" : " hosts")
                .append(" read");
        for (FactReading.State s :
                List.of(FactReading.State.FAILED, FactReading.State.UNREACHABLE, FactReading.State.NOT_STARTED)) {
            long n = count(s);
            if (n > 0) {
                sb.append("; ").append(n).append(' ').append(s.label());
            }
        }
        return sb.toString();
    }
}
