package dev.jinfra.engine.deploy;

import dev.jinfra.command.Secret;
import dev.jinfra.connect.Connector;
import dev.jinfra.deploy.Deploy;
import dev.jinfra.deploy.Settings;
import dev.jinfra.engine.Batching;
import dev.jinfra.engine.FailureBudget;
import dev.jinfra.engine.FailureTally;
import dev.jinfra.engine.RunControl;
import dev.jinfra.engine.RunPolicy;
import dev.jinfra.engine.RunScope;
import dev.jinfra.engine.SessionWindow;
import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.Inventory;
import dev.jinfra.inventory.RunHosts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs deploys the way pyinfra does: prepare (run the deploy code once per host, which registers operations
 * and reads facts but changes nothing); merge one operation order; then execute the operations in that order,
 * each on all its hosts at once (or as its shape says), before the next starts. A host whose operation fails
 * leaves the run: its later operations are skipped. Pacing, batches, the failure budget, cancelling and the
 * session window are the engine's ({@link RunPolicy}, {@link RunScope}), as for exec.
 */
public final class DeployRunner {
    /** The stop reason when the pre-flight check found problems in the local inputs: no host was changed. */
    public static final String PREFLIGHT_FAILED = "pre-flight check failed, no host was changed";

    /**
     * @param policy parallelism (per operation), batches (Ansible's {@code serial}), failure budget, session window
     * @param commandLine the command line's settings: the lowest level, under operation, piece and host data
     * @param sudoPassword sent on standard input to {@code sudo -S}; null when sudo needs none
     * @param showDiff show content diffs of file operations (always in dry runs)
     * @param pipeline each host runs consecutive operations as one script where nothing between them needs the
     *     controller ({@link Pipeline}), at its own pace as under {@link Strategy#FREE}; the free strategy's default
     */
    public record Options(
            RunPolicy policy,
            boolean dryRun,
            Strategy strategy,
            Settings commandLine,
            Secret sudoPassword,
            boolean showDiff,
            LockPolicy lock,
            Duration prepareTimeout,
            boolean pipeline) {
        public Options {
            if (policy == null || strategy == null || commandLine == null || lock == null) {
                throw new IllegalArgumentException("policy, strategy, command line settings and lock are required");
            }
            if (prepareTimeout == null || prepareTimeout.isNegative() || prepareTimeout.isZero()) {
                throw new IllegalArgumentException("prepare timeout must be positive: " + prepareTimeout);
            }
        }

        /** Hosts worked on at once: the policy's, never more than sessions may be open. */
        public int parallel() {
            return policy.effectiveParallel();
        }

        public static Options defaults() {
            return builder().build();
        }

        public static Builder builder() {
            return new Builder();
        }

        public Builder toBuilder() {
            var b = new Builder()
                    .policy(policy)
                    .dryRun(dryRun)
                    .strategy(strategy)
                    .commandLine(commandLine)
                    .sudoPassword(sudoPassword)
                    .lock(lock)
                    .prepareTimeout(prepareTimeout)
                    .pipeline(pipeline);
            b.showDiff = showDiff;
            return b;
        }
    }

    public static final class Builder {
        private RunPolicy.Builder policy = RunPolicy.builder();
        private boolean dryRun;
        private Strategy strategy = Strategy.LINEAR;
        private Settings commandLine = Settings.NONE;
        private Secret sudoPassword;
        private Boolean showDiff;
        private LockPolicy lock = LockPolicy.DEFAULT;
        private Duration prepareTimeout = Duration.ofSeconds(60);
        private Boolean pipeline;

        private Builder() {}

        /**
         * Whether hosts run consecutive operations as one script (see {@link Options#pipeline}); by default only
         * under the free strategy. Under the linear one it makes hosts go at their own pace, as under free.
         */
        public Builder pipeline(boolean on) {
            this.pipeline = on;
            return this;
        }

        /** How long a host's deploy code may run in the prepare phase before the host fails. */
        public Builder prepareTimeout(Duration t) {
            this.prepareTimeout = t;
            return this;
        }

        /** How hosts are locked against other runs while this one changes them. */
        public Builder lock(LockPolicy l) {
            this.lock = l;
            return this;
        }

        public Builder policy(RunPolicy p) {
            this.policy = p.toBuilder();
            return this;
        }

        public Builder parallel(int n) {
            policy.parallel(n);
            return this;
        }

        public Builder batching(Batching b) {
            policy.batching(b);
            return this;
        }

        public Builder budget(FailureBudget b) {
            policy.budget(b);
            return this;
        }

        public Builder sessionWindow(int sessions) {
            policy.sessionWindow(sessions);
            return this;
        }

        /** Change nothing; show what would change, with diffs. */
        public Builder dryRun(boolean dry) {
            this.dryRun = dry;
            return this;
        }

        public Builder strategy(Strategy s) {
            this.strategy = s;
            return this;
        }

        public Builder commandLine(Settings s) {
            this.commandLine = s;
            return this;
        }

        public Builder sudoPassword(Secret s) {
            this.sudoPassword = s;
            return this;
        }

        /** Content diffs of file operations; on by default in dry runs only. */
        public Builder showDiff(boolean show) {
            this.showDiff = show;
            return this;
        }

        public Options build() {
            return new Options(
                    policy.build(),
                    dryRun,
                    strategy,
                    commandLine,
                    sudoPassword,
                    showDiff == null ? dryRun : showDiff,
                    lock,
                    prepareTimeout,
                    pipeline == null ? strategy == Strategy.FREE : pipeline);
        }
    }

    /**
     * {@code LINEAR}: an operation starts when the one before has finished on every host. {@code FREE}: each
     * host goes through its operations at its own pace; only {@code serial()}, {@code runOnce()},
     * {@code parallel(n)} operations and {@code barrier()} make the hosts that have them meet first.
     */
    public enum Strategy {
        LINEAR,
        FREE
    }

    private final Function<Host, Connector> connectors;
    private final RunControl control;
    // Who this runner's locks say holds them; one per runner, so two runners are two runs.
    private final HostLock lockIdentity = HostLock.forThisProcess();
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

    // The inventory the run's hosts were chosen from; null: the run's hosts alone.
    private Inventory inventory;
    // The names of every host of the run, of all its shards; null: the hosts given to run().
    private List<String> playHosts;

    /**
     * The inventory the run's hosts were chosen from (before {@code --limit}): the hosts templates name as Ansible's
     * {@code groups} and {@code hostvars}, and whether they render in Ansible's template environment. Without it, a
     * run knows only its own hosts, in no Ansible inventory.
     */
    public DeployRunner inventory(Inventory whole) {
        this.inventory = whole;
        return this;
    }

    /**
     * The names of every host of the run, when this process runs a shard of it ({@code --shard}): templates name
     * them as Ansible's {@code ansible_play_hosts}, the same on every shard. Without it, the hosts given to
     * {@link #run}.
     */
    public DeployRunner playHosts(List<String> names) {
        this.playHosts = List.copyOf(names);
        return this;
    }

    public DeployRunner(Function<Host, Connector> connectors) {
        this(connectors, new RunControl());
    }

    /** @param control stops the run from outside (Ctrl-C); shared with whatever else the caller runs */
    public DeployRunner(Function<Host, Connector> connectors, RunControl control) {
        this.connectors = connectors;
        this.control = control;
    }

    /**
     * Stops the run from another thread (Ctrl-C): no further operation starts, open sessions are closed so that
     * commands in flight end now, and {@link #run} still returns a complete result marked interrupted.
     */
    public void cancel() {
        control.cancel();
    }

    public DeployResult run(List<Host> hosts, List<Deploy> deploys, Options options, DeployListener listener) {
        long start = System.nanoTime();
        RunHosts known = new RunHosts(
                inventory != null ? inventory : Inventory.of("", hosts),
                playHosts != null && !playHosts.isEmpty()
                        ? playHosts
                        : hosts.stream().map(Host::name).toList(),
                List.of());
        listener.runStarted(hosts);
        RunPolicy policy = options.policy();
        var all = new DeployResult.Collector();
        List<Host> remaining = new ArrayList<>(hosts);
        String stopped;
        try (var scope = new RunScope(hosts, policy, connectors, control, listener)) {
            stopped = scope.runBatches(
                    (number, count, batch) -> {
                        remaining.removeAll(new java.util.HashSet<>(batch));
                        DeployResult part = runBatch(
                                batch,
                                known,
                                deploys,
                                options,
                                listener,
                                scope.tally(),
                                scope.window(),
                                remaining.size());
                        all.add(part);
                        // Later batches do not start after a refusal or a failed pre-flight check.
                        String stop = part.stopReason();
                        return BatchRun.NOT_CONFIRMED.equals(stop) || PREFLIGHT_FAILED.equals(stop) ? stop : null;
                    },
                    (batch, why) -> batch.forEach(h -> all.notStarted(h, why)));
        }
        var result = all.result(
                hosts,
                options.dryRun(),
                control.isCancelled(),
                Duration.ofNanos(System.nanoTime() - start),
                control.isCancelled() ? null : stopped);
        listener.finished(result);
        return result;
    }

    private DeployResult runBatch(
            List<Host> hosts,
            RunHosts run,
            List<Deploy> deploys,
            Options options,
            DeployListener listener,
            FailureTally tally,
            SessionWindow window,
            int laterHosts) {
        // Only the first batch asks, for the whole run: later batches go ahead on that answer.
        Confirmation first = confirmation;
        confirmation = (plan, proposal) -> true;
        Confirmation ask = (plan, proposal) -> first.approve(plan, proposal.withLaterHosts(laterHosts));
        var batch = new BatchRun(
                hosts,
                run.inBatch(hosts),
                deploys,
                options,
                listener,
                tally,
                window,
                control,
                options.dryRun() ? (plan, proposal) -> true : ask,
                lockIdentity);
        return batch.run();
    }
}
