package dev.jinfra.deploy;

import dev.jinfra.inventory.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Works out a {@link Proposal}: gathers each host's facts (the same combined probe the operations would
 * make at their turn, only earlier and for all hosts at once) and plans every operation against them. The
 * plans are kept by the host's facts, so an operation whose facts did not change by its turn is not planned
 * twice.
 */
final class Proposer {
    private Proposer() {}

    static Proposal propose(List<DeployListener.PlannedOperation> planned, List<Host> hosts,
                            Map<Host, List<PrepareContext.Registered>> registered, Map<Host, HostFacts> facts,
                            DeployRunner.Options options, ExecutorService threads) {
        Map<Host, List<Proposal.Entry>> byHost = new ConcurrentHashMap<>();
        Semaphore gate = new Semaphore(Math.max(1, Math.min(options.parallel(), hosts.size())));
        List<Future<?>> running = new ArrayList<>();
        for (Host host : hosts) {
            List<PrepareContext.Registered> ops = registered.get(host);
            HostFacts hostFacts = facts.get(host);
            if (ops == null || ops.isEmpty() || hostFacts == null) {
                continue;
            }
            running.add(threads.submit(() -> {
                gate.acquireUninterruptibly();
                try {
                    byHost.put(host, proposeFor(host, ops, hostFacts, options));
                } finally {
                    gate.release();
                }
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Proposal.NONE;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("working out the proposal failed", e.getCause());
            }
        }
        // In the run's operation order, hosts in inventory order within each operation.
        List<Proposal.Entry> entries = new ArrayList<>();
        for (var op : planned) {
            for (Host h : op.hosts()) {
                byHost.getOrDefault(h, List.of()).stream().filter(e -> e.id().equals(op.id())).forEach(entries::add);
            }
        }
        return new Proposal(entries);
    }

    private static List<Proposal.Entry> proposeFor(Host host, List<PrepareContext.Registered> ops, HostFacts facts,
                                                   DeployRunner.Options options) {
        FactProbe.gatherAhead(ops, ops.getFirst().id(), facts, host, options);
        List<Proposal.Entry> entries = new ArrayList<>();
        for (PrepareContext.Registered r : ops) {
            OperationCall call = r.call();
            String name = call.displayName();
            try {
                Settings settings = call.settingsFor(host, options.commandLine());
                boolean conditional = settings.controls().when() != null;
                Plan plan = facts.plan(r.id(), call.operation(), facts.as(FactUser.of(settings, options.sudoPassword())));
                entries.add(plan.changes()
                        ? new Proposal.Entry(r.id(), name, host, Proposal.Kind.CHANGE,
                                OperationExecution.render(plan, settings, settings.usesSudo()
                                        && settings.sudoPasswordOr(options.sudoPassword()) != null),
                                null, conditional)
                        : new Proposal.Entry(r.id(), name, host, Proposal.Kind.NO_CHANGE, List.of(), plan.noChangeReason(), conditional));
            } catch (RuntimeException e) {
                entries.add(new Proposal.Entry(r.id(), name, host, Proposal.Kind.UNKNOWN, List.of(), DeployRunner.describe(e), false));
            }
        }
        return entries;
    }
}
