package dev.jinfra.cli.output;

import dev.jinfra.engine.deploy.DeployHostState;
import dev.jinfra.engine.deploy.DeployListener;
import dev.jinfra.engine.deploy.DeployResult;
import dev.jinfra.engine.deploy.OperationOutcome;
import dev.jinfra.engine.deploy.OperationStatus;
import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostPattern;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deploy's progress and results for people, in the order pyinfra users know: the plan after the prepare
 * phase, a line per operation as it finishes with its host counts, then a table per operation and the fleet
 * summary. Verbosity 1 adds no-change reasons and errors per host, 2 the commands, 3 their output.
 */
public final class DeployReport implements DeployListener {
    private final Map<String, Host> hostsByName = new java.util.concurrent.ConcurrentHashMap<>();
    private final PrintStream out;
    private final Style style;
    private final int verbosity;

    public DeployReport(PrintStream out, Style style, int verbosity) {
        this.out = out;
        this.style = style;
        this.verbosity = verbosity;
    }

    // Facts read since the last line printed: fact, then value, then the hosts that read it so.
    private final Map<String, Map<String, List<String>>> factsRead = new LinkedHashMap<>();

    @Override
    public void factRead(Host host, dev.jinfra.api.Fact<?> fact, Object value) {
        // With the commands (-vv): at -v, a fleet's facts would bury why each operation changed or not.
        if (verbosity >= 2) {
            String shown = fact.valueIsContent() ? "(content not shown)" : FactText.value(value);
            synchronized (out) {
                factsRead
                        .computeIfAbsent(FactText.fact(fact), f -> new LinkedHashMap<>())
                        .computeIfAbsent(shown, v -> new ArrayList<>())
                        .add(host.name());
            }
        }
    }

    /**
     * Prints the facts read since the last line, folded: one line per fact and value with the hosts that read
     * that value, rather than a line per host in the order the hosts happened to answer.
     */
    private void printFactsRead() {
        factsRead.forEach((fact, values) -> values.forEach((value, hosts) ->
                out.println(style.dim("    fact " + HostPattern.fold(hosts) + ": " + fact + " = " + value))));
        factsRead.clear();
    }

    @Override
    public void proposed(dev.jinfra.engine.deploy.Proposal proposal) {
        synchronized (out) {
            printFactsRead();
        }
    }

    @Override
    public void planned(List<PlannedOperation> operations) {
        synchronized (out) {
            printFactsRead();
            out.println(style.bold(
                    "--> Prepared " + operations.size() + (operations.size() == 1 ? " operation" : " operations")));
            if (verbosity >= 1) {
                for (int i = 0; i < operations.size(); i++) {
                    var op = operations.get(i);
                    out.println("    " + (i + 1) + ". " + op.name() + " on "
                            + HostPattern.fold(
                                    op.hosts().stream().map(Host::name).toList()) + " ("
                            + op.id().where() + ")");
                }
            }
        }
    }

    @Override
    public void operationFinished(int number, int total, PlannedOperation operation, List<OperationOutcome> outcomes) {
        Map<OperationStatus, List<String>> byStatus = new LinkedHashMap<>();
        for (OperationOutcome o : outcomes) {
            byStatus.computeIfAbsent(o.status(), s -> new ArrayList<>())
                    .add(o.host().name());
        }
        StringBuilder line = new StringBuilder("[" + number + "/" + total + "] " + operation.name());
        List<String> parts = new ArrayList<>();
        byStatus.forEach((status, hosts) -> parts.add(mark(status) + " " + hosts.size() + " " + label(status)));
        line.append("  ").append(String.join(", ", parts));
        synchronized (out) {
            printFactsRead();
            out.println(line);
            // Hosts whose details would read the same share one entry: a thousand unchanged hosts are one line.
            Map<List<Object>, List<OperationOutcome>> alike = new LinkedHashMap<>();
            for (OperationOutcome o : outcomes) {
                if (verbosity >= 1 || o.status() == OperationStatus.UNKNOWN) {
                    alike.computeIfAbsent(detailKey(o), k -> new ArrayList<>()).add(o);
                }
            }
            alike.values()
                    .forEach(same -> detail(
                            same.getFirst(),
                            HostPattern.fold(
                                    same.stream().map(o -> o.host().name()).toList())));
            for (OperationOutcome o : outcomes) {
                diff(o);
            }
        }
    }

    /** What {@link #detail} shows of an outcome, host name aside. */
    private List<Object> detailKey(OperationOutcome o) {
        boolean output = verbosity >= 3 || o.status() == OperationStatus.FAILED;
        return java.util.Arrays.asList(
                o.status(),
                o.reason(),
                verbosity >= 2 ? o.commands() : List.of(),
                output ? o.stdout() : "",
                output ? o.stderr() : "");
    }

    /** Content diffs are shown whenever an outcome carries one: they were asked for (--diff, --dry). */
    private void diff(OperationOutcome o) {
        if (o.diff() == null) {
            return;
        }
        out.println("    " + o.host().name() + ": " + style.bold("diff"));
        for (String line : o.diff().split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            String shown = "      " + line;
            out.println(
                    line.startsWith("+") && !line.startsWith("+++")
                            ? style.green(shown)
                            : line.startsWith("-") && !line.startsWith("---") ? style.red(shown) : shown);
        }
    }

    private void detail(OperationOutcome o, String hosts) {
        // A dry run's unknown says why the run cannot tell, which matters as much as a failure.
        boolean show = o.status() == OperationStatus.FAILED || o.status() == OperationStatus.UNKNOWN || verbosity >= 1;
        if (!show) {
            return;
        }
        String head = "    " + hosts + ": " + label(o.status()) + (o.reason() == null ? "" : " (" + o.reason() + ")");
        out.println(o.status() == OperationStatus.FAILED ? style.red(head) : head);
        if (verbosity >= 2) {
            o.commands().forEach(c -> out.println("      $ " + c));
        }
        if (verbosity >= 3 || o.status() == OperationStatus.FAILED) {
            indent(o.stdout(), "      ");
            indent(o.stderr(), "      ! ");
        }
    }

    private void indent(String text, String prefix) {
        if (text == null || text.isEmpty()) {
            return;
        }
        text.lines().forEach(l -> out.println(prefix + l));
    }

    private String mark(OperationStatus s) {
        return switch (s) {
            case CHANGED -> style.yellow("~");
            case UNCHANGED -> style.green("✓");
            case FAILED -> style.red("✗");
            case SKIPPED -> style.dim("-");
            case NOT_RUN -> style.red("·");
            case UNKNOWN -> style.yellow("?");
        };
    }

    @Override
    public void finished(DeployResult result) {
        synchronized (out) {
            printFactsRead();
            out.println(style.bold("--> Results"));
            int width = Math.max(
                    9,
                    result.operations().stream()
                            .mapToInt(o -> o.name().length())
                            .max()
                            .orElse(9));
            width = Math.min(width, 60);
            // Only dry runs have unknowns, only stopped runs operations not run: columns for them only when there are
            // any.
            boolean unknowns = result.count(OperationStatus.UNKNOWN) > 0;
            boolean notRun = result.count(OperationStatus.NOT_RUN) > 0;
            out.println(String.format(
                            "%-" + width + "s  %7s  %9s  %6s  %7s",
                            "operation",
                            "changed",
                            "unchanged",
                            "failed",
                            "skipped")
                    + (notRun ? "  not run" : "")
                    + (unknowns ? "  unknown" : ""));
            Map<Object, int[]> byOperation = new java.util.HashMap<>();
            for (OperationOutcome o : result.outcomes()) {
                byOperation
                        .computeIfAbsent(o.id(), k -> new int[OperationStatus.values().length])[
                        o.status().ordinal()]++;
            }
            for (PlannedOperation op : result.operations()) {
                int[] n = byOperation.getOrDefault(op.id(), new int[OperationStatus.values().length]);
                String name = op.name().length() > width ? op.name().substring(0, width - 1) + "…" : op.name();
                out.println(String.format("%-" + width + "s  %7d  %9d  %6d  %7d", name, n[0], n[1], n[2], n[3])
                        + extraColumns(n, notRun, unknowns));
            }
            hostTable(result);
            Map<DeployHostState, List<String>> byState = new LinkedHashMap<>();
            result.hostStates()
                    .forEach((h, s) ->
                            byState.computeIfAbsent(s, k -> new ArrayList<>()).add(h));
            for (DeployHostState s : List.of(
                    DeployHostState.FAILED,
                    DeployHostState.UNREACHABLE,
                    DeployHostState.INCOMPLETE,
                    DeployHostState.NOT_STARTED)) {
                List<String> hosts = byState.getOrDefault(s, List.of());
                // Identical reasons (and what the failed command said) are folded, as exec folds identical results.
                // Reasons that differ only by their host's own name or address fold too.
                Map<List<String>, List<String>> byReason = new LinkedHashMap<>();
                hosts.forEach(h -> byReason.computeIfAbsent(
                                List.of(
                                        OwnNames.generic(result.hostErrors().getOrDefault(h, ""), host(h)),
                                        verbosity == 0 ? failedOutputTail(result, h) : ""),
                                k -> new ArrayList<>())
                        .add(h));
                byReason.forEach((why, names) -> {
                    String reason = OwnNames.shown(
                            why.get(0), names.stream().map(this::host).toList());
                    out.println(style.red(s.label().replace('_', ' ') + ": " + HostPattern.fold(names)
                            + (reason.isEmpty() ? "" : ": " + reason)));
                    indent(why.get(1), "    ! ");
                });
            }
            String summary = result.describe() + " in "
                    + FoldedReport.seconds(result.elapsed().toMillis());
            boolean ok =
                    result.hostStates().values().stream().allMatch(DeployHostState::succeeded) && !result.interrupted();
            out.println(ok ? style.green(summary) : style.red(summary));
            if (verbosity >= 1) {
                out.println("round trips per host (fact reads and commands): " + foldCounts(result.roundTrips()));
            }
            out.flush();
        }
    }

    /** Lines of a failed command's output shown with its host's failure when no -v asked for all of it. */
    static final int OUTPUT_TAIL_LINES = 20;

    /**
     * The last lines of what the host's failed operation printed (its stderr, else its stdout): the reason a
     * command gives ("nginx: unrecognized service") is most often there, and people should not need -vvv to
     * see it.
     */
    static String failedOutputTail(DeployResult result, String host) {
        for (OperationOutcome o : result.outcomes()) {
            if (o.host().name().equals(host) && o.status() == OperationStatus.FAILED) {
                String text = o.stderr() == null || o.stderr().isBlank() ? o.stdout() : o.stderr();
                if (text == null || text.isBlank()) {
                    return "";
                }
                List<String> lines = text.strip().lines().toList();
                List<String> tail = lines.subList(Math.max(0, lines.size() - OUTPUT_TAIL_LINES), lines.size());
                StringBuilder shown = new StringBuilder();
                if (lines.size() > tail.size()) {
                    shown.append("(").append(lines.size() - tail.size()).append(" lines before; -v shows all)\n");
                }
                tail.forEach(l -> shown.append(l.length() > 300 ? l.substring(0, 300) + "…" : l)
                        .append('\n'));
                return shown.toString();
            }
        }
        return "";
    }

    /**
     * One row per group of hosts with the same counts and state, their names folded: a thousand hosts that all
     * did the same take one line, and the odd ones out stand out.
     */
    private void hostTable(DeployResult result) {
        boolean unknowns = result.count(OperationStatus.UNKNOWN) > 0;
        boolean notRun = result.count(OperationStatus.NOT_RUN) > 0;
        Map<String, int[]> byHost = new java.util.HashMap<>();
        for (OperationOutcome o : result.outcomes()) {
            byHost.computeIfAbsent(o.host().name(), k -> new int[OperationStatus.values().length])[
                    o.status().ordinal()]++;
        }
        Map<String, List<String>> byRow = new LinkedHashMap<>();
        for (var e : result.hostStates().entrySet()) {
            int[] n = byHost.getOrDefault(e.getKey(), new int[OperationStatus.values().length]);
            String row = String.format("%7d  %9d  %6d  %7d", n[0], n[1], n[2], n[3]) + extraColumns(n, notRun, unknowns)
                    + "  " + e.getValue().label().replace('_', ' ');
            byRow.computeIfAbsent(row, k -> new ArrayList<>()).add(e.getKey());
        }
        List<String> names = byRow.values().stream().map(HostPattern::fold).toList();
        int width = Math.min(
                60, Math.max(5, names.stream().mapToInt(String::length).max().orElse(5)));
        out.println();
        out.println(String.format(
                        "%-" + width + "s  %7s  %9s  %6s  %7s", "hosts", "changed", "unchanged", "failed", "skipped")
                + (notRun ? "  not run" : "") + (unknowns ? "  unknown" : "") + "  state");
        int i = 0;
        for (var e : byRow.entrySet()) {
            String folded = names.get(i++);
            out.println(String.format("%-" + width + "s  %s", folded, e.getKey()));
        }
        out.println();
    }

    private static String extraColumns(int[] n, boolean notRun, boolean unknowns) {
        return (notRun ? String.format("  %7d", n[OperationStatus.NOT_RUN.ordinal()]) : "")
                + (unknowns ? String.format("  %7d", n[OperationStatus.UNKNOWN.ordinal()]) : "");
    }

    private static String label(OperationStatus s) {
        return s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static String foldCounts(Map<String, Integer> counts) {
        Map<Integer, List<String>> byCount = new LinkedHashMap<>();
        counts.forEach(
                (h, n) -> byCount.computeIfAbsent(n, k -> new ArrayList<>()).add(h));
        List<String> parts = new ArrayList<>();
        byCount.forEach((n, hosts) -> parts.add(HostPattern.fold(hosts) + ": " + n));
        return String.join("; ", parts);
    }

    @Override
    public void unreachable(Host host, String why) {}

    @Override
    public void runStarted(List<Host> all) {
        all.forEach(h -> hostsByName.put(h.name(), h));
    }

    private Host host(String name) {
        return hostsByName.getOrDefault(name, new Host(name, List.of(), Map.of()));
    }
}
