package dev.jinfra.engine.deploy;

import dev.jinfra.connect.Connection;
import dev.jinfra.connect.UnreachableException;
import dev.jinfra.deploy.Deploy;
import dev.jinfra.deploy.ExecutionShape;
import dev.jinfra.deploy.OperationCall;
import dev.jinfra.deploy.OperationId;
import dev.jinfra.deploy.PrepareContext;
import dev.jinfra.deploy.Settings;
import dev.jinfra.engine.FailureTally;
import dev.jinfra.engine.RunControl;
import dev.jinfra.engine.SessionWindow;
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

/**
 * One batch of a deploy run: prepare its hosts (each in a session of the run's window, which it gives back
 * afterwards), merge the operation order, execute the operations (linear or free), and report each host's one
 * final state and every host × operation's one outcome.
 */
final class BatchRun {
    /** Why a run stops when its changes were not confirmed; later batches do not start either. */
    static final String NOT_CONFIRMED = "not confirmed";

    private final List<Host> hosts;
    private final List<Deploy> deploys;
    private final DeployRunner.Options options;
    private final DeployListener listener;
    private final FailureTally tally;
    private final SessionWindow window;
    private final RunControl control;
    private final DeployRunner.Confirmation confirmation;
    private final RunLocks locks;

    /** Hosts that left the run (failed, unreachable, not started); the others are still in it. */
    private final Map<String, DeployHostState> states = new ConcurrentHashMap<>();

    private final Map<String, String> errors = new ConcurrentHashMap<>();
    private final Map<Host, HostFacts> facts = new ConcurrentHashMap<>();
    private final Map<Host, Integer> changeCommands = new ConcurrentHashMap<>();
    private final Map<Host, List<PrepareContext.Registered>> registered = new ConcurrentHashMap<>();
    private final Map<Host, List<Proposal.Entry>> proposals = new ConcurrentHashMap<>();
    /** Dry runs: hosts on which an operation so far would change something (or could not be told). */
    private final java.util.Set<Host> dryChanged = ConcurrentHashMap.newKeySet();

    BatchRun(
            List<Host> hosts,
            List<Deploy> deploys,
            DeployRunner.Options options,
            DeployListener listener,
            FailureTally tally,
            SessionWindow window,
            RunControl control,
            DeployRunner.Confirmation confirmation,
            HostLock lockIdentity) {
        this.hosts = hosts;
        this.deploys = deploys;
        this.options = options;
        this.listener = listener;
        this.tally = tally;
        this.window = window;
        this.control = control;
        this.confirmation = confirmation;
        this.locks = new RunLocks(lockIdentity, options.lock(), options.dryRun(), changeCommands, listener);
    }

    DeployResult run() {
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            prepareAll(threads);
            List<Host> reached = hosts.stream().filter(registered::containsKey).toList();
            List<DeployListener.PlannedOperation> planned = plan(reached);
            listener.planned(planned);
            List<DeployListener.CheckProblem> problems =
                    control.isCancelled() ? List.of() : Preflight.check(reached, registered);
            if (!problems.isEmpty()) {
                listener.checkFailed(problems);
                return stopBeforeAnyChange(planned, problems, start);
            }
            Proposal proposal = control.isCancelled() ? Proposal.NONE : Proposer.assemble(planned, proposals);
            listener.proposed(proposal);
            List<OperationOutcome> outcomes = new ArrayList<>();
            if (!control.isCancelled() && !confirmation.approve(planned, proposal)) {
                hosts.forEach(h -> {
                    if (states.putIfAbsent(h.name(), DeployHostState.NOT_STARTED) == null) {
                        errors.put(h.name(), "not started: " + NOT_CONFIRMED);
                    }
                });
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
            String stopped = options.strategy() == DeployRunner.Strategy.FREE
                    ? new FreeStrategy(this, planned, threads).run(outcomes)
                    : runLinear(planned, threads, outcomes);
            return result(planned, outcomes, stopped, start);
        } finally {
            locks.giveBackAll(window);
            hosts.forEach(window::finish);
        }
    }

    /**
     * Ends the batch before its first change: each host with a problem fails with its problems, every other host
     * is not started, and every operation on every host is not run, except the ones whose check failed.
     */
    private DeployResult stopBeforeAnyChange(
            List<DeployListener.PlannedOperation> planned, List<DeployListener.CheckProblem> problems, long start) {
        Map<Host, List<String>> found = new LinkedHashMap<>();
        java.util.Set<String> failedChecks = new java.util.HashSet<>();
        for (DeployListener.CheckProblem p : problems) {
            for (Host h : p.hosts()) {
                found.computeIfAbsent(h, x -> new ArrayList<>()).add(p.message());
                failedChecks.add(h.name() + "\0" + p.operation());
            }
        }
        found.forEach((h, messages) -> leave(h, DeployHostState.FAILED, String.join("; ", messages)));
        for (Host h : hosts) {
            if (states.putIfAbsent(h.name(), DeployHostState.NOT_STARTED) == null) {
                errors.put(h.name(), "not started: " + DeployRunner.PREFLIGHT_FAILED);
            }
        }
        List<OperationOutcome> outcomes = new ArrayList<>();
        for (var op : planned) {
            for (Host h : op.hosts()) {
                outcomes.add(
                        failedChecks.contains(h.name() + "\0" + op.id())
                                ? new OperationOutcome(
                                        op.id(),
                                        op.name(),
                                        h,
                                        OperationStatus.FAILED,
                                        List.of(),
                                        errors.get(h.name()),
                                        "",
                                        "",
                                        -1)
                                : OperationOutcome.notRun(op.id(), op.name(), h, DeployRunner.PREFLIGHT_FAILED));
            }
        }
        return result(planned, outcomes, DeployRunner.PREFLIGHT_FAILED, start);
    }

    /**
     * Per host, in parallel: open its session, run the deploy code, work out what it would change, and give the
     * session back. A host whose deploy code throws fails here.
     */
    private void prepareAll(ExecutorService threads) {
        eachHost(threads, gate(hosts.size()), hosts, host -> {
            String stop = tally.stopReason();
            if (stop != null) {
                // Over the failure budget already: this host is not started, as exec would not start it.
                states.put(host.name(), DeployHostState.NOT_STARTED);
                errors.put(host.name(), "not started: " + stop);
                return;
            }
            Connection c;
            listener.hostConnecting(host);
            try {
                c = window.acquire(host);
            } catch (SessionWindow.Stopped e) {
                states.put(host.name(), DeployHostState.NOT_STARTED);
                errors.put(host.name(), "not started: interrupted");
                return;
            } catch (UnreachableException | RuntimeException e) {
                String why = dev.jinfra.problem.Problems.inWords(e);
                leave(host, DeployHostState.UNREACHABLE, why);
                listener.unreachable(host, why);
                return;
            }
            var hostFacts = new HostFacts(c, (fact, value) -> listener.factRead(host, fact, value), baseFactUser(host));
            facts.put(host, hostFacts);
            listener.hostConnected(host);
            try {
                List<PrepareContext.Registered> regs =
                        DeployCode.prepare(host, deploys, hostFacts, options.prepareTimeout(), control);
                registered.put(host, regs);
                if (!regs.isEmpty() && !control.isCancelled()) {
                    proposals.put(host, Proposer.proposeFor(host, regs, hostFacts, options));
                }
                if (regs.isEmpty()) {
                    window.finish(host);
                } else {
                    window.release(host);
                }
            } catch (DeployCode.Failed e) {
                if (e.interrupted) {
                    states.putIfAbsent(host.name(), DeployHostState.NOT_STARTED);
                    errors.putIfAbsent(host.name(), "not started: interrupted");
                } else {
                    leave(host, DeployHostState.FAILED, e.getMessage());
                }
                window.finish(host);
            } catch (RuntimeException e) {
                // Planning the proposal: an operation's own plan threw.
                leave(host, DeployHostState.FAILED, "deploy code failed: " + DeployCode.describe(e));
                window.finish(host);
            }
        });
    }

    private List<DeployListener.PlannedOperation> plan(List<Host> reached) {
        Map<String, List<OperationId>> sequences = new LinkedHashMap<>();
        Map<OperationId, String> names = new LinkedHashMap<>();
        for (Host h : reached) {
            List<PrepareContext.Registered> regs = registered.get(h);
            sequences.put(
                    h.name(), regs.stream().map(PrepareContext.Registered::id).toList());
            regs.forEach(r -> names.putIfAbsent(r.id(), r.call().displayName()));
        }
        Map<OperationId, List<Host>> hostsOf = new LinkedHashMap<>();
        for (Host h : reached) {
            registered
                    .get(h)
                    .forEach(r -> hostsOf.computeIfAbsent(r.id(), id -> new ArrayList<>())
                            .add(h));
        }
        List<DeployListener.PlannedOperation> planned = new ArrayList<>();
        for (OperationId id : OperationOrder.merge(sequences)) {
            planned.add(new DeployListener.PlannedOperation(
                    id, names.get(id), List.copyOf(hostsOf.getOrDefault(id, List.of()))));
        }
        return planned;
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
                    notRun.add(notRunOrSkipped(op, h, stopped));
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
     * The outcome of an operation the run did not get to on a host: skipped when the host had left the run,
     * else not run because the run stopped.
     */
    OperationOutcome notRunOrSkipped(DeployListener.PlannedOperation op, Host host, String stopped) {
        DeployHostState left = states.get(host.name());
        if (left != null) {
            return OperationOutcome.skipped(
                    op.id(), op.name(), host, "host " + left.label().replace('_', ' ') + " earlier");
        }
        return OperationOutcome.notRun(
                op.id(), op.name(), host, stopped.equals("interrupted") ? "interrupted" : "run stopped: " + stopped);
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
        List<Host> active =
                hostsHere.stream().filter(h -> !states.containsKey(h.name())).toList();
        Map<Host, OperationOutcome> results = new ConcurrentHashMap<>();
        for (Host h : hostsHere) {
            if (states.containsKey(h.name())) {
                results.put(h, notRunOrSkipped(op, h, "interrupted"));
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
            eachHost(threads, new Semaphore(Math.max(1, Math.min(width, runOn.size()))), order, host -> {
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

    /** One operation on one host, in the host's session, recording a failure as the host leaving the run. */
    OperationOutcome runOnHost(DeployListener.PlannedOperation op, Host host) {
        OperationOutcome outcome;
        try {
            outcome = runInSession(op, host);
        } catch (Throwable e) {
            // Deploy code runs here too (conditions, an operation's own plan): whatever it throws, StackOverflowError
            // and OutOfMemoryError included, fails this host, not the run.
            outcome = new OperationOutcome(
                    op.id(), op.name(), host, OperationStatus.FAILED, List.of(), DeployCode.describe(e), "", "", -1);
        }
        if (options.dryRun()
                && (outcome.status() == OperationStatus.CHANGED || outcome.status() == OperationStatus.UNKNOWN)) {
            dryChanged.add(host);
        }
        if (outcome.status() == OperationStatus.FAILED
                && !states.containsKey(host.name())
                && !ignoresErrors(callOf(host, op.id()), host)) {
            leave(host, DeployHostState.FAILED, op.name() + ": " + outcome.reason());
        }
        if (states.containsKey(host.name()) || isLastOf(host, op.id())) {
            locks.done(host, window);
            window.finish(host);
        } else {
            window.release(host);
        }
        listener.hostFinished(outcome);
        return outcome;
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
        String locked = locks.beforeWork(host, session, hostFacts, control::isCancelled);
        if (locked != null) {
            leave(host, session.failure() != null ? DeployHostState.UNREACHABLE : DeployHostState.FAILED, locked);
            return new OperationOutcome(
                    op.id(), op.name(), host, OperationStatus.FAILED, List.of(), locked, "", "", -1);
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
            leave(host, DeployHostState.UNREACHABLE, session.failure());
            return new OperationOutcome(
                    op.id(), op.name(), host, OperationStatus.FAILED, List.of(), session.failure(), "", "", -1);
        }
        if (control.isCancelled()
                && outcome.status() == OperationStatus.FAILED
                && outcome.reason() != null
                && outcome.reason().startsWith("connection lost")) {
            // The run closed the session to stop the command: it did not lose it.
            outcome = outcome.withReason("interrupted" + outcome.reason().substring("connection lost".length()));
        }
        return outcome;
    }

    /** The host leaves the run in {@code state}; a failed or unreachable host counts against the failure budget. */
    private void leave(Host host, DeployHostState state, String why) {
        if (states.putIfAbsent(host.name(), state) == null) {
            errors.put(host.name(), why);
            if (state == DeployHostState.FAILED || state == DeployHostState.UNREACHABLE) {
                tally.hostFailed();
            }
        }
    }

    private boolean isLastOf(Host host, OperationId id) {
        List<PrepareContext.Registered> regs = registered.get(host);
        return regs == null || regs.getLast().id().equals(id);
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
        return registered.get(host).stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow()
                .call();
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
        Map<String, DeployHostState> finalStates = new LinkedHashMap<>();
        Map<String, Integer> roundTrips = new LinkedHashMap<>();
        Map<Host, List<OperationOutcome>> byHost = new LinkedHashMap<>();
        outcomes.forEach(
                o -> byHost.computeIfAbsent(o.host(), h -> new ArrayList<>()).add(o));
        for (Host h : hosts) {
            DeployHostState s = states.get(h.name());
            if (s == null) {
                List<OperationOutcome> mine = byHost.getOrDefault(h, List.of());
                s = DeployResult.stateFrom(mine);
                if (s == DeployHostState.INCOMPLETE) {
                    mine.stream()
                            .filter(o -> o.status() == OperationStatus.NOT_RUN)
                            .findFirst()
                            .ifPresent(o -> errors.put(h.name(), "not finished: " + o.reason()));
                }
            }
            finalStates.put(h.name(), s);
            if (facts.containsKey(h)) {
                roundTrips.put(h.name(), facts.get(h).reads() + changeCommands.getOrDefault(h, 0));
            }
        }
        return new DeployResult(
                planned,
                outcomes,
                finalStates,
                errors,
                roundTrips,
                options.dryRun(),
                false,
                Duration.ofNanos(System.nanoTime() - start),
                stopped);
    }

    private Semaphore gate(int n) {
        return new Semaphore(Math.max(1, Math.min(parallel(), Math.max(1, n))));
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
