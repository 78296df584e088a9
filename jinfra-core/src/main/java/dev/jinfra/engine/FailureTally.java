package dev.jinfra.engine;

/**
 * Counts the hosts that failed as a run goes, batch by batch, and says when the run's {@link FailureBudget} is
 * spent. One per run; hosts report from their own threads.
 */
public final class FailureTally {
    private final FailureBudget budget;
    private final int runHosts;
    private int failedBefore;
    private int failedInBatch;
    private int batchHosts;
    private int batchNumber;
    private String stopReason;

    public FailureTally(FailureBudget budget, int runHosts) {
        this.budget = budget;
        this.runHosts = runHosts;
    }

    /** A new batch begins; its failures count on their own too. */
    public synchronized void batchStarted(int number, int hosts) {
        failedBefore += failedInBatch;
        failedInBatch = 0;
        batchHosts = hosts;
        batchNumber = number;
    }

    /** A host failed, timed out or was unreachable. */
    public synchronized void hostFailed() {
        failedInBatch++;
        if (stopReason == null) {
            stopReason =
                    budget.exceeded(failedBefore + failedInBatch, runHosts, failedInBatch, Math.max(1, batchHosts));
        }
    }

    /** Why the run must stop starting work, or null while it is within budget. */
    public synchronized String stopReason() {
        return stopReason;
    }

    /**
     * Called when a batch has finished: with more batches to come, a batch in which every host failed stops
     * the run, whatever the budget.
     *
     * @return why the run stops, or null
     */
    public synchronized String batchFinished(boolean moreBatches) {
        if (stopReason == null && moreBatches && batchHosts > 0 && failedInBatch == batchHosts) {
            stopReason = "every host of batch " + batchNumber + " failed";
        }
        return stopReason;
    }

    public synchronized int failed() {
        return failedBefore + failedInBatch;
    }
}
