package dev.jinfra.deploy;

import dev.jinfra.connect.Connection;
import dev.jinfra.connect.Connector;
import dev.jinfra.connect.UnreachableException;
import dev.jinfra.inventory.Host;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
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
     */
    public record Options(int parallel, boolean dryRun, dev.jinfra.run.Batching batching, Integer failPercent) {
        public Options {
            if (parallel < 1) {
                throw new IllegalArgumentException("parallel < 1: " + parallel);
            }
            if (failPercent != null && (failPercent < 0 || failPercent > 100)) {
                throw new IllegalArgumentException("fail percent must be 0-100, not " + failPercent);
            }
        }

        public Options(int parallel, boolean dryRun) {
            this(parallel, dryRun, dev.jinfra.run.Batching.NONE, null);
        }

        public static Options defaults() {
            return new Options(Integer.MAX_VALUE, false);
        }
    }

    private final Function<Host, Connector> connectors;

    public DeployRunner(Function<Host, Connector> connectors) {
        this.connectors = connectors;
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
            DeployResult part = runBatch(batch, deploys, options, listener, budget);
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
        var result = new DeployResult(operations, outcomes, states, errors, roundTrips, options.dryRun(), false,
                Duration.ofNanos(System.nanoTime() - start), stopped);
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
                                  FailureBudget budget) {
        long start = System.nanoTime();
        Map<Host, Connection> connections = new ConcurrentHashMap<>();
        Map<String, DeployHostState> states = new ConcurrentHashMap<>();
        Map<String, String> errors = new ConcurrentHashMap<>();
        Map<Host, HostFacts> facts = new ConcurrentHashMap<>();
        Map<Host, Integer> changeCommands = new ConcurrentHashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var gate = new Semaphore(Math.max(1, Math.min(options.parallel(), Math.max(1, hosts.size()))));
            eachHost(threads, gate, hosts, host -> {
                try {
                    Connection c = connectors.apply(host).connect(host);
                    connections.put(host, c);
                    facts.put(host, new HostFacts(c));
                    listener.connected(host);
                } catch (UnreachableException e) {
                    states.put(host.name(), DeployHostState.UNREACHABLE);
                    errors.put(host.name(), e.getMessage());
                    listener.unreachable(host, e.getMessage());
                }
            });

            // Prepare: deploy code per host, in parallel; a host whose deploy code throws fails here.
            Map<Host, List<PrepareContext.Registered>> registered = new ConcurrentHashMap<>();
            List<Host> reached = hosts.stream().filter(connections::containsKey).toList();
            eachHost(threads, gate, reached, host -> {
                try {
                    registered.put(host, PrepareContext.prepare(host, deploys, facts.get(host)));
                } catch (RuntimeException e) {
                    states.put(host.name(), DeployHostState.FAILED);
                    errors.put(host.name(), "deploy code failed: " + describe(e));
                }
            });

            Map<String, List<OperationId>> sequences = new LinkedHashMap<>();
            Map<OperationId, String> names = new LinkedHashMap<>();
            for (Host h : reached) {
                List<PrepareContext.Registered> regs = registered.get(h);
                if (regs != null) {
                    sequences.put(h.name(), regs.stream().map(PrepareContext.Registered::id).toList());
                    regs.forEach(r -> names.putIfAbsent(r.id(), r.call().displayName()));
                }
            }
            List<OperationId> order = OperationOrder.merge(sequences);
            List<DeployListener.PlannedOperation> planned = new ArrayList<>();
            for (OperationId id : order) {
                List<Host> with = reached.stream().filter(h -> registered.containsKey(h)
                        && registered.get(h).stream().anyMatch(r -> r.id().equals(id))).toList();
                planned.add(new DeployListener.PlannedOperation(id, names.get(id), with));
            }
            listener.planned(planned);

            List<OperationOutcome> outcomes = new ArrayList<>();
            String stopped = budget.exceeded(states.size());
            for (int i = 0; i < planned.size(); i++) {
                var op = planned.get(i);
                if (stopped != null) {
                    for (Host h : op.hosts()) {
                        outcomes.add(OperationOutcome.skipped(op.id(), op.name(), h, "run stopped: " + stopped));
                    }
                    continue;
                }
                listener.operationStarted(i + 1, planned.size(), op);
                List<OperationOutcome> results = execute(op, registered, states, errors, facts, connections, changeCommands,
                        options, threads, listener);
                outcomes.addAll(results);
                listener.operationFinished(i + 1, planned.size(), op, results);
                stopped = budget.exceeded(states.size());
            }

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
        } finally {
            connections.values().forEach(Connection::close);
        }
    }

    private List<OperationOutcome> execute(DeployListener.PlannedOperation op, Map<Host, List<PrepareContext.Registered>> registered,
                                           Map<String, DeployHostState> states, Map<String, String> errors,
                                           Map<Host, HostFacts> facts,
                                           Map<Host, Connection> connections, Map<Host, Integer> changeCommands,
                                           Options options, ExecutorService threads, DeployListener listener) {
        List<Host> active = op.hosts().stream().filter(h -> !states.containsKey(h.name())).toList();
        Map<Host, OperationOutcome> results = new ConcurrentHashMap<>();
        for (Host h : op.hosts()) {
            if (states.containsKey(h.name())) {
                results.put(h, OperationOutcome.skipped(op.id(), op.name(), h, "host " + states.get(h.name()).name().toLowerCase(java.util.Locale.ROOT) + " earlier"));
            }
        }
        if (!active.isEmpty()) {
            OperationCall shapeSource = callOf(registered, active.getFirst(), op.id());
            ExecutionShape shape = shapeSource.shape();
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
            var gate = new Semaphore(Math.max(1, Math.min(width, runOn.size())));
            eachHost(threads, gate, runOn, host -> {
                OperationCall call = callOf(registered, host, op.id());
                OperationOutcome outcome = OperationExecution.run(op, call, host, facts.get(host), connections.get(host), changeCommands,
                        options.dryRun());
                results.put(host, outcome);
                if (outcome.status() == OperationStatus.FAILED && !call.ignoresErrors()) {
                    states.put(host.name(), DeployHostState.FAILED);
                    errors.put(host.name(), op.name() + ": " + outcome.reason());
                }
                listener.hostFinished(outcome);
            });
        }
        return op.hosts().stream().map(results::get).toList();
    }

    private static OperationCall callOf(Map<Host, List<PrepareContext.Registered>> registered, Host host, OperationId id) {
        return registered.get(host).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().call();
    }

    static String describe(Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String where = CallSites.firstUserFrame(e);
        return where == null ? msg : where + ": " + msg;
    }

    @FunctionalInterface
    private interface HostTask {
        void run(Host host);
    }

    private static void eachHost(ExecutorService threads, Semaphore gate, List<Host> hosts, HostTask task) {
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
