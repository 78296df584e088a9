package dev.jinfra.engine;

/**
 * How many hosts may fail (or be unreachable) before a run stops starting work: at most {@code maxHosts} hosts,
 * or at most {@code maxPercent} percent of the hosts, counted over the whole run and over the current batch. A
 * run stops once either count is passed. {@code --fail-fast} is a budget of no host at all.
 *
 * <p>Independent of the budget, a batch in which every host failed stops the later batches (when there are
 * any): they would most likely fail the same way.
 *
 * @param maxHosts failed hosts allowed, or null for no limit by count
 * @param maxPercent share of hosts (0-100) allowed to fail, or null for no limit by share
 */
public record FailureBudget(Integer maxHosts, Integer maxPercent) {
    /** Never stops early. */
    public static final FailureBudget NONE = new FailureBudget(null, null);
    /** Stops at the first host that fails. */
    public static final FailureBudget FAIL_FAST = new FailureBudget(0, null);

    public FailureBudget {
        if (maxHosts != null && maxHosts < 0) {
            throw new IllegalArgumentException("failed hosts allowed < 0: " + maxHosts);
        }
        if (maxPercent != null && (maxPercent < 0 || maxPercent > 100)) {
            throw new IllegalArgumentException("fail percent must be 0-100, not " + maxPercent);
        }
    }

    public static FailureBudget maxHosts(int n) {
        return new FailureBudget(n, null);
    }

    public static FailureBudget maxPercent(int p) {
        return new FailureBudget(null, p);
    }

    public boolean isUnlimited() {
        return maxHosts == null && maxPercent == null;
    }

    /**
     * Why the run must stop, or null while it is within budget.
     *
     * @param failedInRun hosts failed so far in the run, this batch's included
     * @param runHosts hosts in the whole run
     * @param failedInBatch hosts failed so far in the current batch
     * @param batchHosts hosts in the current batch
     */
    public String exceeded(int failedInRun, int runHosts, int failedInBatch, int batchHosts) {
        if (failedInRun == 0) {
            return null;
        }
        if (maxHosts != null && (failedInRun > maxHosts || failedInBatch > maxHosts)) {
            return maxHosts == 0
                    ? "a host failed (fail-fast)"
                    : "more than " + maxHosts + (maxHosts == 1 ? " host" : " hosts") + " failed (--max-fail " + maxHosts
                            + ")";
        }
        if (maxPercent != null) {
            double ofRun = 100.0 * failedInRun / Math.max(1, runHosts);
            double ofBatch = 100.0 * failedInBatch / Math.max(1, batchHosts);
            if (ofRun > maxPercent || ofBatch > maxPercent) {
                return maxPercent == 0 ? "a host failed (fail-fast)" : "more than " + maxPercent + "% of hosts failed";
            }
        }
        return null;
    }

    /** For the command line: "--max-fail 3", "--fail-percent 10", "--fail-fast", or "" without a budget. */
    public String describe() {
        if (maxHosts != null && maxHosts == 0) {
            return "--fail-fast";
        }
        StringBuilder sb = new StringBuilder();
        if (maxHosts != null) {
            sb.append("--max-fail ").append(maxHosts);
        }
        if (maxPercent != null) {
            sb.append(sb.isEmpty() ? "" : " ").append("--fail-percent ").append(maxPercent);
        }
        return sb.toString();
    }
}
