package dev.jinfra.engine.deploy;

import dev.jinfra.deploy.Deploy;
import dev.jinfra.deploy.ExecutionShape;
import dev.jinfra.deploy.OperationCall;
import dev.jinfra.deploy.OperationId;
import dev.jinfra.deploy.PrepareContext;
import dev.jinfra.engine.FailureTally;
import dev.jinfra.engine.RunControl;
import dev.jinfra.engine.SessionWindow;
import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.RunHosts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * One batch of a deploy run: prepare its hosts (each in a session of the run's window, which it gives back
 * afterwards), merge the operation order, execute the operations (linear or free), and report each host's one
 * final state and every host × operation's one outcome.
 */
final class BatchRun {
    /** Why a run stops when its changes were not confirmed; later batches do not start either. */
    static final String NOT_CONFIRMED = "not confirmed";

    private final List<Host> hosts;
    private final RunHosts runHosts;
    private final List<Deploy> deploys;
    private final DeployRunner.Options options;
    private final DeployListener listener;
    private final FailureTally tally;
    private final SessionWindow window;
    private final RunControl control;
    private final DeployRunner.Confirmation confirmation;
    private final RunLocks locks;

    private final HostStates states;
    private final Map<Host, HostFacts> facts = new ConcurrentHashMap<>();
    private final Map<Host, Integer> changeCommands = new ConcurrentHashMap<>();
    private final Map<Host, List<PrepareContext.Registered>> registered = new ConcurrentHashMap<>();
    private final Map<Host, CallIndex> callIndexes = new ConcurrentHashMap<>();
    private final Map<Host, List<Proposal.Entry>> proposals = new ConcurrentHashMap<>();
    /** Dry runs: hosts on which an operation so far would change something (or could not be told). */
    private final java.util.Set<Host> dryChanged = ConcurrentHashMap.newKeySet();
    /** The run's operations in order, once planned. */
    private volatile List<DeployListener.PlannedOperation> planned = List.of();

    /** Each host's operations in run order, once planned: built in one pass, as asking per host was quadratic. */
    private volatile Map<Host, List<DeployListener.PlannedOperation>> operationsByHost = Map.of();

    BatchRun(
            List<Host> hosts,
            RunHosts runHosts,
            List<Deploy> deploys,
            DeployRunner.Options options,
            DeployListener listener,
            FailureTally tally,
            SessionWindow window,
            RunControl control,
            DeployRunner.Confirmation confirmation,
            HostLock lockIdentity) {
        this.hosts = hosts;
        this.runHosts = runHosts;
        this.deploys = deploys;
        this.options = options;
        this.listener = listener;
        this.tally = tally;
        this.window = window;
        this.control = control;
        this.confirmation = confirmation;
        this.locks = new RunLocks(lockIdentity, options.lock(), options.dryRun(), changeCommands, listener);
        this.states = new HostStates(tally);
    }

    DeployResult run() {
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            new BatchPrepare(runHosts, deploys, options, listener, tally, window, control, states)
                    .prepareAll(threads, parallel(), hosts, facts, registered, proposals);
            List<Host> reached = hosts.stream().filter(registered::containsKey).toList();
            List<DeployListener.PlannedOperation> planned = OperationOrder.planned(reached, registered);
            this.planned = planned;
            this.operationsByHost = byHost(planned);
            listener.planned(planned);
            List<DeployListener.CheckProblem> problems =
                    control.isCancelled() ? List.of() : Preflight.check(reached, registered);
            if (!problems.isEmpty()) {
                listener.checkFailed(problems);
                return result(
                        planned,
                        states.stopBeforeAnyChange(hosts, planned, problems),
                        DeployRunner.PREFLIGHT_FAILED,
                        start);
            }
            Proposal proposal = control.isCancelled() ? Proposal.NONE : Proposer.assemble(planned, proposals);
            listener.proposed(proposal);
            List<OperationOutcome> outcomes = new ArrayList<>();
            if (!control.isCancelled() && !confirmation.approve(planned, proposal)) {
                hosts.forEach(h -> states.notStarted(h, NOT_CONFIRMED));
                for (var op : planned) {
                    op.hosts()
                            .forEach(h -> outcomes.add(OperationOutcome.notRun(op.id(), op.name(), h, NOT_CONFIRMED)));
                }
                return result(planned, outcomes, NOT_CONFIRMED, start);
            }
            // Every host locks before its first operation, except those certain to change nothing.
            locks.mayChange(reached.stream()
                    .filter(h -> !proposals.containsKey(h)
                            || proposals.get(h).stream().anyMatch(e -> e.kind() != Proposal.Kind.NO_CHANGE))
                    .map(Host::name)
                    .collect(java.util.stream.Collectors.toSet()));
            // Shown and confirmed: the proposal's rendered commands need not be kept for the whole run.
            proposals.clear();
            proposal = null;
            // Pipelined hosts go at their own pace: under linear too, when asked for.
            String stopped = options.strategy() == DeployRunner.Strategy.FREE || options.pipeline()
                    ? new FreeStrategy(this, planned, threads).run(outcomes)
                    : runLinear(planned, threads, outcomes);
            return result(planned, outcomes, stopped, start);
        } finally {
            locks.giveBackAll(window);
            hosts.forEach(window::finish);
        }
    }

    private String runLinear(
            List<DeployListener.PlannedOperation> planned, ExecutorService threads, List<OperationOutcome> outcomes) {
        String stopped = budgetExceeded();
        for (int i = 0; i < planned.size(); i++) {
            var op = planned.get(i);
            if (stopped != null) {
                // Reported like any operation, so that every host × operation has its one outcome in every output.
                listener.operationStarted(i + 1, planned.size(), op);
                List<OperationOutcome> notRun = new ArrayList<>();
                for (Host h : op.hosts()) {
                    notRun.add(states.notRunOrSkipped(op, h, stopped));
                }
                outcomes.addAll(notRun);
                listener.operationFinished(i + 1, planned.size(), op, notRun);
                continue;
            }
            listener.operationStarted(i + 1, planned.size(), op);
            // With more hosts than sessions, every other operation goes through the hosts backwards: it starts on
            // those whose sessions the operation before left open.
            boolean backwards = i % 2 == 1 && hosts.size() > window.limit();
            List<OperationOutcome> results = execute(op, op.hosts(), threads, null, backwards);
            outcomes.addAll(results);
            listener.operationFinished(i + 1, planned.size(), op, results);
            HeapTrim.afterOperation();
            stopped = budgetExceeded();
        }
        return stopped;
    }

    /**
     * Runs one operation on {@code hostsHere} (those of its hosts that are here) in the operation's shape; hosts
     * that left the run earlier get a skipped outcome. Each host also holds one of {@code working}'s permits
     * (when not null) while it runs, so that under free a meeting point's hosts count against --parallel
     * together with the hosts still working on their own.
     */
    List<OperationOutcome> execute(
            DeployListener.PlannedOperation op,
            List<Host> hostsHere,
            ExecutorService threads,
            Semaphore working,
            boolean backwards) {
        List<Host> active = hostsHere.stream().filter(h -> !states.hasLeft(h)).toList();
        Map<Host, OperationOutcome> results = new ConcurrentHashMap<>();
        for (Host h : hostsHere) {
            if (states.hasLeft(h)) {
                results.put(h, states.notRunOrSkipped(op, h, "interrupted"));
            }
        }
        if (!active.isEmpty()) {
            ExecutionShape shape = callOf(active.getFirst(), op.id()).shape();
            List<Host> runOn = active;
            if (shape.kind() == ExecutionShape.Kind.RUN_ONCE) {
                runOn = List.of(active.getFirst());
                for (Host h : active.subList(1, active.size())) {
                    results.put(
                            h,
                            OperationOutcome.skipped(
                                    op.id(),
                                    op.name(),
                                    h,
                                    "runs once, on " + active.getFirst().name()));
                    if (isLastOf(h, op.id())) {
                        locks.done(h, window);
                        window.finish(h);
                    }
                }
            }
            int width = switch (shape.kind()) {
                case SERIAL, RUN_ONCE -> 1;
                case BATCHES -> Math.min(shape.batch(), parallel());
                case ALL -> parallel();
            };
            List<Host> order = backwards ? runOn.reversed() : runOn;
            HostTasks.eachHost(threads, new Semaphore(Math.max(1, Math.min(width, runOn.size()))), order, host -> {
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

    /**
     * One operation on one host, in the host's session, recording a failure as the host leaving the run. Its
     * commands go as one script ({@link Pipeline}) where they can, which also reads what the host's next operations
     * need, or gives its lock back after its last: one round trip per changed operation.
     */
    OperationOutcome runOnHost(DeployListener.PlannedOperation op, Host host) {
        if (scripts()) {
            List<DeployListener.PlannedOperation> mine = operationsOf(host);
            int at = indexOf(mine, op.id());
            if (at >= 0) {
                return runFrom(mine, at, host, 1).getFirst();
            }
        }
        return runAlone(op, host);
    }

    /** The host's operations in run order. */
    List<DeployListener.PlannedOperation> operationsOf(Host host) {
        return operationsByHost.getOrDefault(host, List.of());
    }

    private static Map<Host, List<DeployListener.PlannedOperation>> byHost(
            List<DeployListener.PlannedOperation> planned) {
        Map<Host, List<DeployListener.PlannedOperation>> byHost = new java.util.HashMap<>();
        for (var op : planned) {
            for (Host h : op.hosts()) {
                byHost.computeIfAbsent(h, k -> new ArrayList<>()).add(op);
            }
        }
        byHost.replaceAll((h, ops) -> List.copyOf(ops));
        return Map.copyOf(byHost);
    }

    /**
     * Where the operation is among the host's, by id: a planned operation's equals compares its list of hosts,
     * which costs as much as the fleet is large.
     */
    private static int indexOf(List<DeployListener.PlannedOperation> mine, OperationId id) {
        for (int i = 0; i < mine.size(); i++) {
            if (mine.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private boolean scripts() {
        return !options.dryRun() && !options.showDiff() && !control.isCancelled();
    }

    /** One operation on one host, its commands one by one. */
    private OperationOutcome runAlone(DeployListener.PlannedOperation op, Host host) {
        OperationOutcome outcome;
        try {
            outcome = runInSession(op, host);
        } catch (Throwable e) {
            // Deploy code runs here too (conditions, an operation's own plan): whatever it throws, StackOverflowError
            // and OutOfMemoryError included, fails this host, not the run.
            outcome = failed(op, host, DeployCode.describe(e));
        }
        return settle(op, host, outcome);
    }

    /**
     * The host's operations from {@code mine.get(from)} on, as many as one script can take ({@link Pipeline})
     * when the run pipelines, else that one operation alone.
     *
     * @return the outcomes, in order, of at least one operation
     */
    List<OperationOutcome> runFrom(List<DeployListener.PlannedOperation> mine, int from, Host host) {
        return runFrom(mine, from, host, options.pipeline() ? Integer.MAX_VALUE : 1);
    }

    /** As {@link #runFrom(List, int, Host)}, deciding at most {@code most} operations. */
    private List<OperationOutcome> runFrom(List<DeployListener.PlannedOperation> mine, int from, Host host, int most) {
        var op = mine.get(from);
        if (!scripts()) {
            return List.of(runAlone(op, host));
        }
        HostFacts hostFacts = facts.get(host);
        var session = new SessionOnDemand(window, host);
        hostFacts.useConnection(session);
        List<OperationOutcome> decided;
        try {
            String locked = lock(op, host, session, hostFacts);
            if (locked != null) {
                return List.of(settle(op, host, failed(op, host, locked)));
            }
            decided = new Pipeline(this, host, hostFacts, options).runFrom(mine, from, most, session);
        } catch (Throwable e) {
            return List.of(settle(op, host, failed(op, host, DeployCode.describe(e))));
        }
        if (decided.isEmpty()) {
            return List.of(runAlone(op, host));
        }
        List<OperationOutcome> settled = new java.util.ArrayList<>();
        for (OperationOutcome o : decided) {
            OperationOutcome outcome = o;
            if (outcome.status() == OperationStatus.FAILED) {
                if (session.stopped()) {
                    outcome = OperationOutcome.notRun(o.id(), o.name(), host, "interrupted");
                } else if (session.failure() != null) {
                    states.leave(host, DeployHostState.UNREACHABLE, session.failure());
                    outcome = failed(o, host, session.failure());
                } else {
                    outcome = o.withReason(interruptedIfCancelled(o.reason()));
                }
            }
            callOf(host, o.id())
                    .recordOutcome(
                            outcome.status() == OperationStatus.CHANGED, outcome.status() == OperationStatus.FAILED);
            settled.add(settle(mine.get(from + settled.size()), host, outcome));
        }
        return settled;
    }

    private static OperationOutcome failed(DeployListener.PlannedOperation op, Host host, String why) {
        return new OperationOutcome(op.id(), op.name(), host, OperationStatus.FAILED, List.of(), why, "", "", -1);
    }

    private static OperationOutcome failed(OperationOutcome o, Host host, String why) {
        return new OperationOutcome(o.id(), o.name(), host, OperationStatus.FAILED, o.commands(), why, "", "", -1);
    }

    /** Records an operation's outcome on a host: a failure makes the host leave the run; its session is let go. */
    private OperationOutcome settle(DeployListener.PlannedOperation op, Host host, OperationOutcome outcome) {
        if (options.dryRun()
                && (outcome.status() == OperationStatus.CHANGED || outcome.status() == OperationStatus.UNKNOWN)) {
            dryChanged.add(host);
        }
        if (outcome.status() == OperationStatus.FAILED
                && !states.hasLeft(host)
                && !ignoresErrors(callOf(host, op.id()), host)) {
            states.leave(host, DeployHostState.FAILED, op.name() + ": " + outcome.reason());
        }
        if (states.hasLeft(host) || isLastOf(host, op.id())) {
            locks.done(host, window);
            window.finish(host);
        } else {
            window.release(host);
        }
        listener.hostFinished(outcome);
        return outcome;
    }

    /**
     * Takes the host's run lock before its first change, reading the facts of the operations from {@code op} on
     * again in the same exchange.
     *
     * @return why the host cannot go on, or null
     */
    private String lock(DeployListener.PlannedOperation op, Host host, SessionOnDemand session, HostFacts hostFacts) {
        String locked = locks.beforeWork(host, session, hostFacts, control::isCancelled, () -> {
            FactUser who;
            try {
                who = FactUser.of(
                        callOf(host, op.id()).settingsFor(host, options.commandLine()), options.sudoPassword());
            } catch (RuntimeException e) {
                return null;
            }
            var wanted = FactProbe.factsOfRemaining(registered.get(host), op.id(), hostFacts, host, options)
                    .get(who);
            return wanted == null ? null : hostFacts.probe(who, wanted, true);
        });
        if (locked == null) {
            return null;
        }
        locked = interruptedIfCancelled(locked);
        states.leave(host, session.failure() != null ? DeployHostState.UNREACHABLE : DeployHostState.FAILED, locked);
        return locked;
    }

    private OperationOutcome runInSession(DeployListener.PlannedOperation op, Host host) {
        if (control.isCancelled()) {
            return OperationOutcome.notRun(op.id(), op.name(), host, "interrupted");
        }
        HostFacts hostFacts = facts.get(host);
        // The session is taken from the window only if the operation talks to the host: a plan made from facts
        // already read that changes nothing needs none.
        var session = new SessionOnDemand(window, host);
        hostFacts.useConnection(session);
        OperationCall call = callOf(host, op.id());
        String locked = lock(op, host, session, hostFacts);
        if (locked != null) {
            return failed(op, host, locked);
        }
        FactProbe.gatherWhenNeeded(registered.get(host), op.id(), hostFacts, host, options);
        OperationOutcome outcome = OperationExecution.run(
                op,
                call,
                host,
                hostFacts,
                session,
                how -> {
                    Reconnection.reconnect(host, how, window, hostFacts, control::isCancelled);
                    locks.afterReconnect(host, window.current(host), control::isCancelled);
                },
                changeCommands,
                options,
                dryChanged.contains(host));
        if (session.stopped()) {
            return OperationOutcome.notRun(op.id(), op.name(), host, "interrupted");
        }
        if (session.failure() != null) {
            states.leave(host, DeployHostState.UNREACHABLE, session.failure());
            return new OperationOutcome(
                    op.id(), op.name(), host, OperationStatus.FAILED, List.of(), session.failure(), "", "", -1);
        }
        if (outcome.status() == OperationStatus.FAILED && outcome.reason() != null) {
            outcome = outcome.withReason(interruptedIfCancelled(outcome.reason()));
        }
        return outcome;
    }

    /**
     * After Ctrl-C the run closes every session to stop what is in flight, so a command, a fact read or the lock
     * that ends with its connection lost then was stopped by the run; the host did not lose it. Said so, the host
     * is not blamed for a failure of its own: {@code reading facts failed: interrupted}, {@code interrupted before
     * the command finished}.
     */
    private String interruptedIfCancelled(String reason) {
        return control.isCancelled() ? reason.replace("connection lost", "interrupted") : reason;
    }

    private boolean isLastOf(Host host, OperationId id) {
        List<PrepareContext.Registered> regs = registered.get(host);
        return regs == null || regs.getLast().id().equals(id);
    }

    private boolean ignoresErrors(OperationCall call, Host host) {
        try {
            return call.settingsFor(host, options.commandLine()).controls().ignoresErrors();
        } catch (RuntimeException e) {
            return false; // bad host data: the operation already failed with that message
        }
    }

    /** Whether the operation needs the hosts together (serial, runOnce, batches, a barrier): not in a script. */
    static boolean isMeetingPoint(OperationCall call) {
        return call.operation() instanceof dev.jinfra.deploy.Barrier
                || call.shape().kind() != ExecutionShape.Kind.ALL;
    }

    List<PrepareContext.Registered> registeredOf(Host host) {
        return registered.get(host);
    }

    /** See {@link RunLocks#giveBackScript}. */
    String giveBackScript(Host host, FactUser user) {
        return locks.giveBackScript(host, user);
    }

    void lockGivenBack(Host host) {
        locks.givenBack(host);
    }

    /** One more exchange with the host (a script, a command): the round trips a run costs are shown. */
    void countRoundTrip(Host host) {
        changeCommands.merge(host, 1, Integer::sum);
    }

    boolean hasLeft(Host host) {
        return states.hasLeft(host);
    }

    /** See {@link HostStates#notRunOrSkipped}. */
    OperationOutcome notRunOrSkipped(DeployListener.PlannedOperation op, Host host, String stopped) {
        return states.notRunOrSkipped(op, host, stopped);
    }

    OperationCall callOf(Host host, OperationId id) {
        List<PrepareContext.Registered> regs = registered.get(host);
        CallIndex index = callIndexes.get(host);
        if (index == null || index.of() != regs) {
            index = CallIndex.of(regs);
            callIndexes.put(host, index);
        }
        return index.call(id, host);
    }

    /** Hosts worked on at once: --parallel, within the session window. */
    int parallel() {
        return Math.min(options.parallel(), window.limit());
    }

    DeployListener listener() {
        return listener;
    }

    /** Why the run must stop now (interrupted, or over its failure budget), or null. */
    String budgetExceeded() {
        return control.isCancelled() ? "interrupted" : tally.stopReason();
    }

    private DeployResult result(
            List<DeployListener.PlannedOperation> planned,
            List<OperationOutcome> outcomes,
            String stopped,
            long start) {
        Map<String, DeployHostState> finalStates = states.finalStates(hosts, outcomes);
        Map<String, Integer> roundTrips = new LinkedHashMap<>();
        for (Host h : hosts) {
            if (facts.containsKey(h)) {
                roundTrips.put(h.name(), facts.get(h).reads() + changeCommands.getOrDefault(h, 0));
            }
        }
        return new DeployResult(
                planned,
                outcomes,
                finalStates,
                states.errors(),
                roundTrips,
                options.dryRun(),
                false,
                Duration.ofNanos(System.nanoTime() - start),
                stopped);
    }
}
