package dev.jinfra.cli.output;

import dev.jinfra.engine.deploy.DeployListener;
import dev.jinfra.engine.deploy.Proposal;
import dev.jinfra.inventory.HostPattern;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The proposed changes, printed between the prepare phase and the first change: a line for the whole run;
 * with verbosity 1 a line per operation with the hosts it would change, leave alone or cannot know yet (and
 * why); with verbosity 2 the commands, hosts with the same commands folded together.
 */
public final class ProposalReport implements DeployListener {
    private final PrintStream out;
    private final Style style;
    private final int verbosity;
    private List<PlannedOperation> planned = List.of();

    public ProposalReport(PrintStream out, Style style, int verbosity) {
        this.out = out;
        this.style = style;
        this.verbosity = verbosity;
    }

    @Override
    public void planned(List<PlannedOperation> operations) {
        this.planned = operations;
    }

    @Override
    public void proposed(Proposal proposal) {
        long hosts =
                proposal.entries().stream().map(e -> e.host().name()).distinct().count();
        int changingHosts = proposal.hostsToChange().size();
        var byOperation = proposal.byOperation();
        long changingOps = planned.stream()
                .filter(op -> byOperation.getOrDefault(op.id(), List.of()).stream()
                        .anyMatch(e -> e.kind() != Proposal.Kind.NO_CHANGE))
                .count();
        long unknown = proposal.count(Proposal.Kind.UNKNOWN);
        // Operations that would change only where a when() condition, checked at their turn, holds.
        long conditionalOps = planned.stream()
                .filter(op -> {
                    var changing = byOperation.getOrDefault(op.id(), List.of()).stream()
                            .filter(e -> e.kind() != Proposal.Kind.NO_CHANGE)
                            .toList();
                    return !changing.isEmpty() && changing.stream().allMatch(Proposal.Entry::conditional);
                })
                .count();
        String conditions = conditionalOps == 0
                ? ""
                : conditionalOps == changingOps
                        ? (changingOps == 1 ? ", if its condition holds" : ", if their conditions hold")
                        : ", " + conditionalOps + " of them if their conditions hold";
        synchronized (out) {
            out.println(style.bold(
                    changingHosts == 0
                            ? "--> Proposed changes: none"
                            : "--> Proposed changes: " + changingOps + (changingOps == 1 ? " operation" : " operations")
                                    + " on " + changingHosts + " of " + hosts + (hosts == 1 ? " host" : " hosts")
                                    + conditions
                                    + (unknown == 0 ? "" : " (" + unknown + " to be decided at their turn)")));
            if (verbosity >= 1) {
                for (int i = 0; i < planned.size(); i++) {
                    operation(i + 1, byOperation.getOrDefault(planned.get(i).id(), List.of()));
                }
            }
        }
    }

    @Override
    public void lockBroken(dev.jinfra.inventory.Host host, String holder) {
        synchronized (out) {
            out.println("--> " + host.name() + ": broke the run lock held by " + holder + " (--break-lock)");
        }
    }

    @Override
    public void checkFailed(List<dev.jinfra.engine.deploy.DeployListener.CheckProblem> problems) {
        synchronized (out) {
            out.println(style.bold("--> Pre-flight check: " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + ", no host was changed"));
            problems.forEach(p -> out.println("    " + p.describe()));
        }
    }

    private void operation(int number, List<Proposal.Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<Proposal.Kind, List<String>> byKind = new LinkedHashMap<>();
        for (Proposal.Kind k : Proposal.Kind.values()) {
            List<String> names = entries.stream()
                    .filter(e -> e.kind() == k)
                    .map(e -> e.host().name())
                    .toList();
            if (!names.isEmpty()) {
                byKind.put(k, names);
            }
        }
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, names) -> parts.add(switch (kind) {
                    case CHANGE -> style.yellow("~") + " change on ";
                    case NO_CHANGE -> style.green("✓") + " unchanged on ";
                    case UNKNOWN -> style.dim("?") + " decided at its turn on ";
                }
                + HostPattern.fold(names)));
        boolean conditional = entries.stream().anyMatch(Proposal.Entry::conditional);
        out.println("    " + number + ". " + entries.getFirst().name() + ": " + String.join("; ", parts)
                + (conditional ? style.dim(" (if its condition holds then)") : ""));
        entries.stream()
                .filter(e -> e.kind() == Proposal.Kind.UNKNOWN)
                .forEach(e -> out.println(style.dim("        " + e.host().name() + ": " + e.reason())));
        if (verbosity >= 2) {
            // Hosts with the same commands together: on a fleet most hosts run the very same ones.
            Map<List<String>, List<String>> byCommands = new LinkedHashMap<>();
            entries.stream()
                    .filter(e -> e.kind() == Proposal.Kind.CHANGE)
                    .forEach(e -> byCommands
                            .computeIfAbsent(e.commands(), c -> new ArrayList<>())
                            .add(e.host().name()));
            byCommands.forEach((commands, names) -> {
                out.println("        " + HostPattern.fold(names) + ":");
                commands.forEach(c -> out.println("          $ " + c));
            });
        }
    }
}
