package dev.jinfra.cli;

import dev.jinfra.testkit.FleetHost;
import dev.jinfra.testkit.SshFleet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Where in a run Ctrl-C comes, as a point in the run's progress rather than in time, so that it replays the same
 * way on a fast and on a loaded machine.
 *
 * @param description the point in words, for messages
 * @param reached whether the run is there yet
 */
record CtrlCPoint(String description, BooleanSupplier reached) {

    /** Sessions opened plus commands received, over the whole fleet. */
    static long progress(SshFleet fleet) {
        long sum = 0;
        for (FleetHost h : fleet.hosts()) {
            sum += h.sessionsOpened() + h.commands().size();
        }
        return sum;
    }

    /** Once the fleet has seen {@code point} sessions and commands (see {@link #progress}). */
    static CtrlCPoint atProgress(long point, SshFleet fleet) {
        return new CtrlCPoint("at progress " + point, () -> progress(fleet) >= point);
    }

    /**
     * A point of a deploy drawn from anywhere in it: once some hosts have opened their sessions, or once some of
     * the healthy hosts have done one of the operations (the deploy's files show it). The operations run one
     * after another on every host, so each such point comes in every run. In the last operation it is at most
     * half of the hosts, so that the run is surely still going when the signal comes.
     */
    static CtrlCPoint inDeploy(SplittableRandom random, SshFleet fleet, DeployContract deploy, List<String> healthy) {
        int operation = random.nextInt(DeployContract.OPERATIONS + 1);
        if (operation == 0) {
            long sessions = 1 + random.nextInt(fleet.size());
            return new CtrlCPoint(
                    "once " + sessions + " hosts opened their sessions",
                    () -> fleet.hosts().stream()
                                    .mapToLong(FleetHost::sessionsOpened)
                                    .sum()
                            >= sessions);
        }
        int hosts = 1 + random.nextInt(operation == DeployContract.OPERATIONS ? healthy.size() / 2 : healthy.size());
        return new CtrlCPoint(
                "once " + hosts + " hosts did operation " + operation,
                () -> healthy.stream().filter(h -> deploy.did(h, operation)).count() >= hosts);
    }

    @Override
    public String toString() {
        return description;
    }
}
