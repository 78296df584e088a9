package dev.jinfra.engine;

import dev.jinfra.inventory.Host;
import java.util.List;

/**
 * The one loop over a run's batches, for exec, facts and deploys: a batch starts when the one before has
 * finished and the pause after it is over; a cancel, the failure budget or a batch in which every host failed
 * stops the loop, and the hosts of the batches that never started are handed back with the reason.
 */
public final class Batches {
    private Batches() {}

    /**
     * The work of one batch; it watches the run's tally and control to stop starting hosts itself.
     * Returns why the whole run must stop now for a reason of its own (a change that was not confirmed), or null.
     */
    @FunctionalInterface
    public interface Work {
        String run(int number, int batches, List<Host> hosts);
    }

    /** Hosts of a batch that never started, and why. */
    @FunctionalInterface
    public interface NotStarted {
        void hosts(List<Host> hosts, String reason);
    }

    /** @return why the run stopped early ("interrupted", or what the tally says), or null when it went to the end */
    public static String run(
            List<Host> hosts,
            RunPolicy policy,
            RunControl control,
            FailureTally tally,
            Work work,
            NotStarted notStarted) {
        List<List<Host>> batches = policy.batching().split(hosts);
        String stopped = null;
        for (int b = 0; b < batches.size(); b++) {
            List<Host> batch = batches.get(b);
            if (stopped == null && control.isCancelled()) {
                stopped = "interrupted";
            }
            if (stopped == null
                    && b > 0
                    && !policy.batching().delay().isZero()
                    && !control.pause(policy.batching().delay())) {
                stopped = "interrupted";
            }
            if (stopped != null) {
                notStarted.hosts(batch, stopped);
                continue;
            }
            tally.batchStarted(b + 1, batch.size());
            String own = work.run(b + 1, batches.size(), batch);
            stopped = control.isCancelled()
                    ? "interrupted"
                    : own != null ? own : tally.batchFinished(b + 1 < batches.size());
        }
        return control.isCancelled() ? "interrupted" : stopped;
    }
}
