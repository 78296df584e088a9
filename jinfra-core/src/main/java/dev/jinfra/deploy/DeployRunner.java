package dev.jinfra.deploy;

import dev.jinfra.connect.Connector;
import dev.jinfra.inventory.Host;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs deploys the way pyinfra does: connect every host; prepare (run the deploy code once per host, which
 * registers operations and reads facts but changes nothing); merge one operation order; then execute the
 * operations in that order, each on all its hosts at once (or as its shape says), before the next starts.
 * A host whose operation fails leaves the run: its later operations are skipped.
 */
public final class DeployRunner {

    /**
     * @param parallel hosts worked on at once within one operation
     * @param batching the whole deploy runs batch after batch of hosts (Ansible's {@code serial})
     * @param failPercent stop the run once more than this share of the hosts (of the run, or of the current
     *     batch) failed or were unreachable; 0 stops at the first; null never stops early. A batch in which
     *     every host failed always stops the run: the next batch would most likely fail the same way.
     * @param commandLine the command line's settings: the lowest level, under operation, piece and host data
     * @param sudoPassword sent on standard input to {@code sudo -S}; null when sudo needs none
     * @param showDiff show content diffs of file operations (always in dry runs)
     */
    public record Options(int parallel, boolean dryRun, dev.jinfra.run.Batching batching, Integer failPercent,
                          Strategy strategy, Settings commandLine, Secret sudoPassword, boolean showDiff) {
        public Options {
            if (parallel < 1) {
                throw new IllegalArgumentException("parallel < 1: " + parallel);
            }
            if (failPercent != null && (failPercent < 0 || failPercent > 100)) {
                throw new IllegalArgumentException("fail percent must be 0-100, not " + failPercent);
            }
        }

        public Options(int parallel, boolean dryRun, dev.jinfra.run.Batching batching, Integer failPercent, Strategy strategy,
                       Settings commandLine, Secret sudoPassword) {
            this(parallel, dryRun, batching, failPercent, strategy, commandLine, sudoPassword, dryRun);
        }

        public Options(int parallel, boolean dryRun, dev.jinfra.run.Batching batching, Integer failPercent, Strategy strategy) {
            this(parallel, dryRun, batching, failPercent, strategy, Settings.NONE, null);
        }

        public Options(int parallel, boolean dryRun, dev.jinfra.run.Batching batching, Integer failPercent) {
            this(parallel, dryRun, batching, failPercent, Strategy.LINEAR);
        }

        public Options(int parallel, boolean dryRun) {
            this(parallel, dryRun, dev.jinfra.run.Batching.NONE, null);
        }

        public static Options defaults() {
            return new Options(Integer.MAX_VALUE, false);
        }
    }

    /**
     * {@code LINEAR}: an operation starts when the one before has finished on every host. {@code FREE}: each
     * host goes through its operations at its own pace; only {@code serial()}, {@code runOnce()},
     * {@code parallel(n)} operations and {@code barrier()} make the hosts that have them meet first.
     */
    public enum Strategy { LINEAR, FREE }

    private final Function<Host, Connector> connectors;
    private volatile boolean cancelled;
    private volatile BatchRun current;
    private Confirmation confirmation = (plan, proposal) -> true;

    /**
     * Asked once, after the first prepare phase and before anything changes, whether to go ahead. With batches,
     * that is before the first batch changes anything; its proposal covers the first batch and counts the hosts
     * of the later batches in {@link Proposal#laterHosts()}, so that a threshold on hosts to change applies to
     * the whole run, not to one batch.
     */
    @FunctionalInterface
    public interface Confirmation {
        /** @return false to stop the run before any change; may throw to report why no answer could be had */
        boolean approve(List<DeployListener.PlannedOperation> plan, Proposal proposal);
    }

    /** Asks before a real (not dry) run changes anything; see {@link Confirmation}. */
    public DeployRunner confirmWith(Confirmation c) {
        this.confirmation = c;
        return this;
    }

    public DeployRunner(Function<Host, Connector> connectors) {
        this.connectors = connectors;
    }

    /**
     * Stops the run from another thread (Ctrl-C): no further operation starts, open sessions are closed so that
     * commands in flight end now, and {@link #run} still returns a complete result marked interrupted.
     */
    public void cancel() {
        cancelled = true;
        BatchRun batch = current;
        if (batch != null) {
            batch.cancel();
        }
    }

    public DeployResult run(List<Host> hosts, List<Deploy> deploys, Options options, DeployListener listener) {
        long start = System.nanoTime();
        List<List<Host>> batches = options.batching().split(hosts);
        List<DeployListener.PlannedOperation> operations = new ArrayList<>();
        List<OperationOutcome> outcomes = new ArrayList<>();
        Map<String, DeployHostState> states = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Integer> roundTrips = new LinkedHashMap<>();
        String stopped = null;
        int failedSoFar = 0;
        for (int b = 0; b < batches.size(); b++) {
            List<Host> batch = batches.get(b);
            if (stopped == null && cancelled) {
                stopped = "interrupted";
            }
            if (stopped != null) {
                for (Host h : batch) {
                    states.put(h.name(), DeployHostState.SKIPPED);
                    errors.put(h.name(), "not started: " + stopped);
                }
                continue;
            }
            if (b > 0 && !options.batching().delay().isZero()) {
                try {
                    Thread.sleep(options.batching().delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = "interrupted";
                    continue;
                }
            }
            var budget = new FailureBudget(options.failPercent(), hosts.size(), failedSoFar, batch.size());
            int laterHosts = hosts.size() - batches.subList(0, b + 1).stream().mapToInt(List::size).sum();
            DeployResult part = runBatch(batch, deploys, options, listener, budget, laterHosts);
            operations.addAll(part.operations());
            outcomes.addAll(part.outcomes());
            states.putAll(part.hostStates());
            errors.putAll(part.hostErrors());
            roundTrips.putAll(part.roundTrips());
            long failedInBatch = part.count(DeployHostState.FAILED) + part.count(DeployHostState.UNREACHABLE);
            failedSoFar += (int) failedInBatch;
            stopped = part.stopReason();
            if (stopped == null && batches.size() > 1 && failedInBatch == batch.size()) {
                stopped = "every host of batch " + (b + 1) + " failed";
            }
        }
        var result = new DeployResult(operations, outcomes, states, errors, roundTrips, options.dryRun(), cancelled,
                Duration.ofNanos(System.nanoTime() - start), cancelled ? null : stopped);
        listener.finished(result);
        return result;
    }

    /**
     * Whether failures so far exceed what the run allows: more than {@code percent} of all hosts, or of the
     * current batch, failed or were unreachable.
     */
    record FailureBudget(Integer percent, int runHosts, int failedBefore, int batchHosts) {
        String exceeded(int failedInBatch) {
            if (percent == null || failedInBatch == 0) {
                return null;
            }
            double ofRun = 100.0 * (failedBefore + failedInBatch) / runHosts;
            double ofBatch = 100.0 * failedInBatch / batchHosts;
            if (ofRun > percent || ofBatch > percent) {
                return percent == 0 ? "a host failed (fail-fast)" : "more than " + percent + "% of hosts failed";
            }
            return null;
        }
    }

    private DeployResult runBatch(List<Host> hosts, List<Deploy> deploys, Options options, DeployListener listener,
                                  FailureBudget budget, int laterHosts) {
        // Only the first batch asks, for the whole run: later batches go ahead on that answer.
        Confirmation first = confirmation;
        confirmation = (plan, proposal) -> true;
        Confirmation ask = (plan, proposal) -> first.approve(plan, proposal.withLaterHosts(laterHosts));
        BatchRun batch = new BatchRun(hosts, deploys, options, listener, budget, connectors, options.dryRun() ? (plan, proposal) -> true : ask);
        current = batch;
        if (cancelled) {
            batch.cancel();
        }
        try {
            return batch.run();
        } finally {
            current = null;
        }
    }

    static String describe(Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String where = CallSites.firstUserFrame(e);
        return where == null ? msg : where + ": " + msg;
    }
}
