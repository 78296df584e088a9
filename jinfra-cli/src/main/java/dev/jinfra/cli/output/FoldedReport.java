package dev.jinfra.cli.output;

import dev.jinfra.engine.HostResult;
import dev.jinfra.engine.HostState;
import dev.jinfra.engine.RunSummary;
import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostPattern;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default exec output: hosts whose results are identical (same state, exit code, output and error) are
 * printed once under their folded names ({@code web-[01-38,40]}), the largest group first and every problem
 * group after the successes, so that failures are the last thing on screen.
 */
public final class FoldedReport {
    /**
     * What makes two hosts' results "the same". Errors are compared without their host's own name and address,
     * which would otherwise keep, say, an unknown host key on a hundred hosts from folding.
     */
    record Key(HostState state, int exitCode, String stdout, String stderr, String error) {
        static Key of(HostResult r) {
            return new Key(r.state(), r.exitCode(), r.stdout(), r.stderr(), OwnNames.generic(r.error(), r.host()));
        }
    }

    record Group(Key key, List<Host> members) {
        List<String> hosts() {
            return members.stream().map(Host::name).toList();
        }

        /** The error as this group shows it. */
        String error() {
            return OwnNames.shown(key.error(), members);
        }
    }

    private final PrintStream out;
    private final Style style;

    public FoldedReport(PrintStream out, Style style) {
        this.out = out;
        this.style = style;
    }

    static List<Group> fold(List<HostResult> results) {
        Map<Key, List<Host>> byKey = new LinkedHashMap<>();
        for (HostResult r : results) {
            byKey.computeIfAbsent(Key.of(r), k -> new ArrayList<>()).add(r.host());
        }
        List<Group> groups = new ArrayList<>();
        byKey.forEach((k, hosts) -> groups.add(new Group(k, hosts)));
        groups.sort(Comparator.comparing((Group g) -> g.key().state().isProblem())
                .thenComparing(g -> -g.hosts().size()));
        return groups;
    }

    /** Prints the groups and the summary line. {@code withOutput=false} prints only the problem groups. */
    public void print(RunSummary summary, boolean withOutput) {
        for (Group g : fold(summary.results())) {
            if (!withOutput && !g.key().state().isProblem()) {
                continue;
            }
            printGroup(g, withOutput);
        }
        String line = summary.describe() + " in " + seconds(summary.elapsed().toMillis());
        out.println(summary.allSucceeded() ? style.green(line) : style.red(line));
        out.flush();
    }

    private void printGroup(Group g, boolean withOutput) {
        Key k = g.key();
        String names = HostPattern.fold(g.hosts());
        String count = g.hosts().size() == 1 ? "1 host" : g.hosts().size() + " hosts";
        StringBuilder head = new StringBuilder();
        head.append("── ").append(names).append(" (").append(count).append(") ── ");
        head.append(describe(k, g.error()));
        String header = k.state().isProblem() ? style.red(head.toString()) : style.green(head.toString());
        out.println(header);
        // Without output (--stream), every line was already printed as it came, prefixed with its host.
        if (withOutput) {
            printBody(k.stdout(), "");
            printBody(k.stderr(), style.yellow("! "));
        }
        out.println();
    }

    static String describe(Key k, String error) {
        return switch (k.state()) {
            case SUCCEEDED -> "exit 0";
            case FAILED ->
                k.exitCode() >= 0
                        ? "failed: exit " + k.exitCode() + (error == null ? "" : ", " + error)
                        : "failed: " + error;
            case TIMED_OUT -> error == null ? "timed out" : error;
            case UNREACHABLE -> "unreachable: " + error;
            case NOT_STARTED -> "not started: " + error;
        };
    }

    private void printBody(String text, String prefix) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (String line : body.split("\n", -1)) {
            out.println(prefix + line);
        }
    }

    static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
