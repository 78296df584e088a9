package dev.jinfra.engine.deploy;

import dev.jinfra.api.Plan;
import dev.jinfra.deploy.OperationCall;
import dev.jinfra.deploy.OperationId;
import dev.jinfra.deploy.PrepareContext;
import dev.jinfra.deploy.Settings;
import dev.jinfra.inventory.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Works out a {@link Proposal}: gathers each host's facts (the same combined probe the operations would
 * make at their turn, only earlier: right after the host's prepare phase) and plans every operation against them. The
 * plans are kept by the host's facts, so an operation whose facts did not change by its turn is not planned
 * twice.
 */
final class Proposer {
    private Proposer() {}

    /** The hosts' proposals in the run's operation order, hosts in inventory order within each operation. */
    static Proposal assemble(List<DeployListener.PlannedOperation> planned, Map<Host, List<Proposal.Entry>> byHost) {
        // Each host's entries by operation first: scanning a host's entries once per operation was quadratic.
        Map<Host, Map<OperationId, List<Proposal.Entry>>> indexed = new java.util.HashMap<>();
        byHost.forEach((h, list) -> indexed.put(
                h,
                list.stream()
                        .collect(java.util.stream.Collectors.groupingBy(
                                Proposal.Entry::id, java.util.stream.Collectors.toList()))));
        List<Proposal.Entry> entries = new ArrayList<>();
        for (var op : planned) {
            for (Host h : op.hosts()) {
                entries.addAll(indexed.getOrDefault(h, Map.of()).getOrDefault(op.id(), List.of()));
            }
        }
        return new Proposal(entries);
    }

    /**
     * What the host's operations would do, from its facts gathered in one probe; read while it holds its session.
     *
     * @throws HostFacts.Unreadable when the host cannot be read at all (its commands time out, its connection was
     *     lost): planning each operation would only wait for the same failure once per operation
     */
    static List<Proposal.Entry> proposeFor(
            Host host, List<PrepareContext.Registered> ops, HostFacts facts, DeployRunner.Options options) {
        FactProbe.gatherAheadOrFail(ops, ops.getFirst().id(), facts, host, options);
        List<Proposal.Entry> entries = new ArrayList<>();
        for (PrepareContext.Registered r : ops) {
            OperationCall call = r.call();
            String name = call.displayName();
            try {
                Settings settings = call.settingsFor(host, options.commandLine());
                boolean conditional = settings.controls().when() != null;
                Plan plan =
                        facts.plan(r.id(), call.operation(), facts.as(FactUser.of(settings, options.sudoPassword())));
                entries.add(
                        plan.changes()
                                ? new Proposal.Entry(
                                        r.id(),
                                        name,
                                        host,
                                        Proposal.Kind.CHANGE,
                                        OperationExecution.render(
                                                plan,
                                                settings,
                                                settings.usesSudo()
                                                        && settings.sudoPasswordOr(options.sudoPassword()) != null),
                                        null,
                                        conditional)
                                : new Proposal.Entry(
                                        r.id(),
                                        name,
                                        host,
                                        Proposal.Kind.NO_CHANGE,
                                        List.of(),
                                        plan.noChangeReason(),
                                        conditional));
            } catch (HostFacts.Unreadable e) {
                throw e;
            } catch (RuntimeException e) {
                entries.add(new Proposal.Entry(
                        r.id(), name, host, Proposal.Kind.UNKNOWN, List.of(), DeployCode.describe(e), false));
            }
        }
        return entries;
    }
}
