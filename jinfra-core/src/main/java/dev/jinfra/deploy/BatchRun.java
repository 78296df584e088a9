package dev.jinfra.deploy;

import dev.jinfra.connect.Connection;
import dev.jinfra.connect.Connector;
import dev.jinfra.connect.UnreachableException;
import dev.jinfra.inventory.Host;
import dev.jinfra.run.StartGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * One batch of a deploy run: connect its hosts, prepare them, merge the operation order, execute the
 * operations (linear or free), and report each host's one final state.
 */
final class BatchRun {
    private final List<Host> hosts;
    private final List<Deploy> deploys;
    private final DeployRunner.Options options;
    private final DeployListener listener;
    private final DeployRunner.FailureBudget budget;
    private final Function<Host, Connector> connectors;
    private final DeployRunner.Confirmation confirmation;

    private final Map<Host, Connection> connections = new ConcurrentHashMap<>();
    /** Hosts that left the run (failed or unreachable); the others are still in it. */
    private final Map<String, DeployHostState> states = new ConcurrentHashMap<>();
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    private final Map<Host, HostFacts> facts = new ConcurrentHashMap<>();
    private final Map<Host, Integer> changeCommands = new ConcurrentHashMap<>();
    private final Map<Host, List<PrepareContext.Registered>> registered = new ConcurrentHashMap<>();
    /** Dry runs: hosts on which an operation so far would change something (or could not be told). */
    private final java.util.Set<Host> dryChanged = ConcurrentHashMap.newKeySet();
    private final StartGate starting = new StartGate();
    private volatile boolean cancelled;

    BatchRun(List<Host> hosts, List<Deploy> deploys, DeployRunner.Options options, DeployListener listener,
             DeployRunner.FailureBudget budget, Function<Host, Connector> connectors, DeployRunner.Confirmation confirmation) {
        this.hosts = hosts;
        this.deploys = deploys;
        this.options = options;
        this.listener = listener;
        this.budget = budget;
        this.connectors = connectors;
        this.confirmation = confirmation;
    }

    void cancel() {
        cancelled = true;
        starting.close();
        connections.values().forEach(Connection::close);
    }

    DeployResult run() {
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            connectAll(threads);
            List<Host> reached = hosts.stream().filter(connections::containsKey).toList();
            prepareAll(threads, reached);
            List<DeployListener.PlannedOperation> planned = plan(reached);
            listener.planned(planned);
            Proposal proposal = cancelled ? Proposal.NONE
                    : Proposer.propose(planned, reached, registered, facts, options, threads);
            listener.proposed(proposal);
            List<OperationOutcome> outcomes = new ArrayList<>();
            if (!confirmation.approve(planned, proposal)) {
                hosts.forEach(h -> {
                    if (states.putIfAbsent(h.name(), DeployHostState.SKIPPED) == null) {
                        errors.put(h.name(), "not started: not confirmed");
                    }
                });
                for (var op : planned) {
                    op.hosts().forEach(h -> outcomes.add(OperationOutcome.skipped(op.id(), op.name(), h, "not confirmed")));
                }
                return result(planned, outcomes, "not confirmed", start);
            }
            String stopped = options.strategy() == DeployRunner.Strategy.FREE
                    ? new FreeStrategy(this, planned, threads).run(outcomes)
                    : runLinear(planned, threads, outcomes);
            return result(planned, outcomes, stopped, start);
        } finally {
            connections.values().forEach(Connection::close);
        }
    }

    private void connectAll(ExecutorService threads) {
        eachHost(threads, gate(hosts.size()), hosts, host -> {
            if (!starting.enter()) {
                notStartedByInterrupt(host);
                return;
            }
            Connection c;
            try {
                c = connectors.apply(host).connect(host);
            } catch (UnreachableException e) {
                if (!starting.leave() || cancelled) {
                    notStartedByInterrupt(host);
                    return;
                }
                states.put(host.name(), DeployHostState.UNREACHABLE);
                errors.put(host.name(), e.getMessage());
                listener.unreachable(host, e.getMessage());
                return;
            } catch (RuntimeException e) {
                starting.leave();
                throw e;
            }
            if (!starting.leave()) {
                // Cancelled while this one was connecting.
                c.close();
                notStartedByInterrupt(host);
                return;
            }
            connections.put(host, c);
            facts.put(host, new HostFacts(c, (fact, value) -> listener.factRead(host, fact, value), baseFactUser(host)));
            listener.connected(host);
        });
    }

    private void notStartedByInterrupt(Host host) {
        states.put(host.name(), DeployHostState.SKIPPED);
        errors.put(host.name(), "not started: interrupted");
    }

    /** Deploy code per host, in parallel; a host whose deploy code throws fails here. */
    private void prepareAll(ExecutorService threads, List<Host> reached) {
        eachHost(threads, gate(reached.size()), reached, host -> {
            try {
                registered.put(host, PrepareContext.prepare(host, deploys, facts.get(host)));
            } catch (RuntimeException e) {
                states.put(host.name(), DeployHostState.FAILED);
                errors.put(host.name(), "deploy code failed: " + DeployRunner.describe(e));
            }
        });
    }

    private List<DeployListener.PlannedOperation> plan(List<Host> reached) {
        Map<String, List<OperationId>> sequences = new LinkedHashMap<>();
        Map<OperationId, String> names = new LinkedHashMap<>();
        for (Host h : reached) {
            List<PrepareContext.Registered> regs = registered.get(h);
            if (regs != null) {
                sequences.put(h.name(), regs.stream().map(PrepareContext.Registered::id).toList());
                regs.forEach(r -> names.putIfAbsent(r.id(), r.call().displayName()));
            }
        }
        List<DeployListener.PlannedOperation> planned = new ArrayList<>();
        for (OperationId id : OperationOrder.merge(sequences)) {
            List<Host> with = reached.stream().filter(h -> registered.containsKey(h)
                    && registered.get(h).stream().anyMatch(r -> r.id().equals(id))).toList();
            planned.add(new DeployListener.PlannedOperation(id, names.get(id), with));
        }
        return planned;
    }

    private String runLinear(List<DeployListener.PlannedOperation> planned, ExecutorService threads, List<OperationOutcome> outcomes) {
        String stopped = budgetExceeded();
        for (int i = 0; i < planned.size(); i++) {
            var op = planned.get(i);
            if (stopped != null) {
                for (Host h : op.hosts()) {
                    outcomes.add(OperationOutcome.skipped(op.id(), op.name(), h, "run stopped: " + stopped));
                }
                continue;
            }
            listener.operationStarted(i + 1, planned.size(), op);
            List<OperationOutcome> results = execute(op, op.hosts(), threads);
            outcomes.addAll(results);
            listener.operationFinished(i + 1, planned.size(), op, results);
            HeapTrim.afterOperation();
            stopped = budgetExceeded();
        }
        return stopped;
    }

    /**
     * Runs one operation on {@code hosts} (those of its hosts that are here) in the operation's shape; hosts
     * that left the run earlier get a skipped outcome.
     */
    List<OperationOutcome> execute(DeployListener.PlannedOperation op, List<Host> hostsHere, ExecutorService threads) {
        return execute(op, hostsHere, threads, null);
    }

    /**
     * As {@link #execute(DeployListener.PlannedOperation, List, ExecutorService)}; each host also holds one of
     * {@code working}'s permits (when not null) while it runs, so that under free a meeting point's hosts count
     * against --parallel together with the hosts still working on their own.
     */
    List<OperationOutcome> execute(DeployListener.PlannedOperation op, List<Host> hostsHere, ExecutorService threads,
                                   Semaphore working) {
        List<Host> active = hostsHere.stream().filter(h -> !states.containsKey(h.name())).toList();
        Map<Host, OperationOutcome> results = new ConcurrentHashMap<>();
        for (Host h : hostsHere) {
            if (states.containsKey(h.name())) {
                results.put(h, OperationOutcome.skipped(op.id(), op.name(), h,
                        "host " + states.get(h.name()).name().toLowerCase(Locale.ROOT) + " earlier"));
            }
        }
        if (!active.isEmpty()) {
            ExecutionShape shape = callOf(active.getFirst(), op.id()).shape();
            List<Host> runOn = active;
            if (shape.kind() == ExecutionShape.Kind.RUN_ONCE) {
                runOn = List.of(active.getFirst());
                for (Host h : active.subList(1, active.size())) {
                    results.put(h, OperationOutcome.skipped(op.id(), op.name(), h, "runs once, on " + active.getFirst().name()));
                }
            }
            int width = switch (shape.kind()) {
                case SERIAL, RUN_ONCE -> 1;
                case BATCHES -> Math.min(shape.batch(), options.parallel());
                case ALL -> options.parallel();
            };
            eachHost(threads, new Semaphore(Math.max(1, Math.min(width, runOn.size()))), runOn,
                    host -> {
                        if (working == null) {
                            results.put(host, runOnHost(op, host));
                            return;
                        }
                        working.acquireUninterruptibly();
                        try {
                            results.put(host, runOnHost(op, host));
                        } finally {
                            working.release();
                        }
                    });
        }
        return hostsHere.stream().map(results::get).toList();
    }

    /** One operation on one host, recording a failure as the host leaving the run. */
    OperationOutcome runOnHost(DeployListener.PlannedOperation op, Host host) {
        OperationCall call = callOf(host, op.id());
        HostFacts hostFacts = facts.get(host);
        if (!hostFacts.probed()) {
            FactProbe.gatherAhead(registered.get(host), op.id(), hostFacts, host, options);
        }
        OperationOutcome outcome = OperationExecution.run(op, call, host, facts.get(host), connections.get(host),
                how -> Reconnection.reconnect(host, how, connections, facts.get(host), connectors, () -> cancelled),
                changeCommands, options, dryChanged.contains(host));
        if (options.dryRun() && (outcome.status() == OperationStatus.CHANGED || outcome.status() == OperationStatus.UNKNOWN)) {
            dryChanged.add(host);
        }
        if (outcome.status() == OperationStatus.FAILED && !ignoresErrors(call, host)) {
            states.put(host.name(), DeployHostState.FAILED);
            errors.put(host.name(), op.name() + ": " + outcome.reason());
        }
        listener.hostFinished(outcome);
        return outcome;
    }

    /** Deploy code reads facts as the command line and host data say commands run (their sudo, su or doas). */
    private FactUser baseFactUser(Host host) {
        try {
            return FactUser.of(Settings.fromHostData(host).over(options.commandLine()), options.sudoPassword());
        } catch (RuntimeException e) {
            return FactUser.LOGIN; // bad host data: its operations fail with that message
        }
    }

    private boolean ignoresErrors(OperationCall call, Host host) {
        try {
            return call.settingsFor(host, options.commandLine()).controls().ignoresErrors();
        } catch (RuntimeException e) {
            return false; // bad host data: the operation already failed with that message
        }
    }

    boolean hasLeft(Host host) {
        return states.containsKey(host.name());
    }

    OperationCall callOf(Host host, OperationId id) {
        return registered.get(host).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().call();
    }

    /** Hosts worked on at once (--parallel). */
    int parallel() {
        return options.parallel();
    }

    DeployListener listener() {
        return listener;
    }

    /** Why the run must stop now (interrupted, or over its failure budget), or null. */
    String budgetExceeded() {
        return cancelled ? "interrupted" : budget.exceeded(states.size());
    }

    private DeployResult result(List<DeployListener.PlannedOperation> planned, List<OperationOutcome> outcomes, String stopped, long start) {
        Map<String, DeployHostState> finalStates = new LinkedHashMap<>();
        Map<String, Integer> roundTrips = new LinkedHashMap<>();
        for (Host h : hosts) {
            DeployHostState s = states.get(h.name());
            if (s == null) {
                boolean changed = outcomes.stream().anyMatch(o -> o.host().equals(h) && o.status() == OperationStatus.CHANGED);
                s = changed ? DeployHostState.CHANGED : DeployHostState.UNCHANGED;
            }
            finalStates.put(h.name(), s);
            if (facts.containsKey(h)) {
                roundTrips.put(h.name(), facts.get(h).reads() + changeCommands.getOrDefault(h, 0));
            }
        }
        return new DeployResult(planned, outcomes, finalStates, errors, roundTrips, options.dryRun(), false,
                Duration.ofNanos(System.nanoTime() - start), stopped);
    }

    private Semaphore gate(int n) {
        return new Semaphore(Math.max(1, Math.min(options.parallel(), Math.max(1, n))));
    }

    @FunctionalInterface
    interface HostTask {
        void run(Host host);
    }

    /** Runs {@code task} for each host on its own virtual thread, at most as many at once as {@code gate} allows. */
    static void eachHost(ExecutorService threads, Semaphore gate, List<Host> hosts, HostTask task) {
        List<Future<?>> started = new ArrayList<>();
        for (Host h : hosts) {
            try {
                gate.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Callable<Void> work = () -> {
                try {
                    task.run(h);
                } finally {
                    gate.release();
                }
                return null;
            };
            started.add(threads.submit(work));
        }
        for (Future<?> f : started) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("host task failed", e.getCause());
            }
        }
    }
}
