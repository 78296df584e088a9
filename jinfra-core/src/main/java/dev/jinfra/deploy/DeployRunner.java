package dev.jinfra.deploy;

import dev.jinfra.command.Command;
import dev.jinfra.connect.CommandRequest;
import dev.jinfra.connect.CommandResult;
import dev.jinfra.connect.Connection;
import dev.jinfra.connect.Connector;
import dev.jinfra.connect.OutputListener;
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

    /** @param parallel hosts worked on at once within one operation */
    public record Options(int parallel, boolean dryRun) {
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
            for (int i = 0; i < planned.size(); i++) {
                var op = planned.get(i);
                listener.operationStarted(i + 1, planned.size(), op);
                List<OperationOutcome> results = execute(op, registered, states, errors, facts, connections, changeCommands,
                        options, threads, listener);
                outcomes.addAll(results);
                listener.operationFinished(i + 1, planned.size(), op, results);
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
            var result = new DeployResult(planned, outcomes, finalStates, errors, roundTrips, options.dryRun(), false,
                    Duration.ofNanos(System.nanoTime() - start));
            listener.finished(result);
            return result;
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
                OperationOutcome outcome = runOnHost(op, call, host, facts.get(host), connections.get(host), changeCommands, options);
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

    private static OperationOutcome runOnHost(DeployListener.PlannedOperation op, OperationCall call, Host host, HostFacts facts,
                                              Connection connection, Map<Host, Integer> changeCommands, Options options) {
        OperationOutcome outcome = planAndRun(op, call, host, facts, connection, changeCommands, options);
        call.recordOutcome(outcome.status());
        return outcome;
    }

    private static OperationOutcome planAndRun(DeployListener.PlannedOperation op, OperationCall call, Host host, HostFacts facts,
                                               Connection connection, Map<Host, Integer> changeCommands, Options options) {
        boolean runs;
        try {
            runs = call.conditionHolds();
        } catch (RuntimeException e) {
            return new OperationOutcome(op.id(), op.name(), host, OperationStatus.FAILED, List.of(), "when(): " + describe(e), "", "", -1);
        }
        if (!runs) {
            return OperationOutcome.skipped(op.id(), op.name(), host, "condition not met");
        }
        Plan plan;
        try {
            plan = call.operation().plan(facts);
        } catch (RuntimeException e) {
            return new OperationOutcome(op.id(), op.name(), host, OperationStatus.FAILED, List.of(), describe(e), "", "", -1);
        }
        if (!plan.changes()) {
            return new OperationOutcome(op.id(), op.name(), host, OperationStatus.UNCHANGED, List.of(), plan.noChangeReason(), "", "", 0);
        }
        List<String> rendered = plan.commands().stream().map(c -> wrap(c, call).render()).toList();
        if (options.dryRun()) {
            return new OperationOutcome(op.id(), op.name(), host, OperationStatus.CHANGED, rendered, "dry run", "", "", 0);
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        String firstFailure = null;
        int failedExit = 0;
        for (String command : rendered) {
            CommandResult r = runWithRetries(command, call, connection, host, changeCommands);
            out.append(r.stdout());
            err.append(r.stderr());
            if (r.outcome() != CommandResult.Outcome.EXITED || !call.succeeds(r.exitCode())) {
                if (firstFailure == null) {
                    firstFailure = switch (r.outcome()) {
                        case EXITED -> "exit " + r.exitCode() + ": " + command;
                        case TIMED_OUT -> "timed out: " + command;
                        case CONNECTION_LOST -> "connection lost: " + command;
                    };
                    failedExit = r.exitCode();
                }
                if (!call.continuesOnError() || r.outcome() == CommandResult.Outcome.CONNECTION_LOST) {
                    break;
                }
            }
        }
        facts.forget();
        OperationStatus status = firstFailure == null ? OperationStatus.CHANGED : OperationStatus.FAILED;
        return new OperationOutcome(op.id(), op.name(), host, status, rendered, firstFailure, out.toString(), err.toString(),
                firstFailure == null ? 0 : failedExit);
    }

    private static CommandResult runWithRetries(String command, OperationCall call, Connection connection, Host host,
                                                Map<Host, Integer> changeCommands) {
        CommandResult r = null;
        for (int attempt = 0; attempt <= call.retries(); attempt++) {
            if (attempt > 0 && !call.retryDelay().isZero()) {
                try {
                    Thread.sleep(call.retryDelay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return r;
                }
            }
            changeCommands.merge(host, 1, Integer::sum);
            r = connection.run(new CommandRequest(command, call.stdinOrNull(), call.timeoutOrZero()), OutputListener.NONE);
            if (r.outcome() == CommandResult.Outcome.EXITED && call.succeeds(r.exitCode())) {
                return r;
            }
        }
        return r;
    }

    private static Command wrap(Command c, OperationCall call) {
        Command w = c.env(call.env());
        if (call.chdirOrNull() != null) {
            w = w.chdir(call.chdirOrNull());
        }
        if (call.usesSudo()) {
            w = w.sudo(call.sudoUser() == null ? "root" : call.sudoUser());
        }
        return w;
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
