package dev.jinfra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jinfra.cli.output.OwnNames;
import dev.jinfra.cli.output.Style;
import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostPattern;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fact's values for people, folded as exec folds output: hosts with equal values share one header with
 * their folded names, the largest group first and the hosts without a value last, so that problems are the
 * last thing on screen.
 */
final class FactReport {
    /** What makes two hosts' readings "the same"; errors are compared without their host's name and address. */
    record Key(FactReading.State state, JsonNode value, String error) {}

    record Group(Key key, List<Host> members) {
        List<String> hosts() {
            return members.stream().map(Host::name).toList();
        }
    }

    private final PrintStream out;
    private final Style style;

    FactReport(PrintStream out, Style style) {
        this.out = out;
        this.style = style;
    }

    static List<Group> fold(List<FactReading> readings, Map<String, Host> hostsByName) {
        Map<Key, List<Host>> byKey = new LinkedHashMap<>();
        for (FactReading r : readings) {
            Host host = hostsByName.getOrDefault(r.host(), new Host(r.host(), List.of(), Map.of()));
            String error = OwnNames.generic(r.error(), host);
            byKey.computeIfAbsent(new Key(r.state(), r.value(), error), k -> new ArrayList<>())
                    .add(host);
        }
        List<Group> groups = new ArrayList<>();
        byKey.forEach((k, hosts) -> groups.add(new Group(k, hosts)));
        // Stable: equal sizes keep inventory order.
        groups.sort(Comparator.comparing((Group g) -> g.key().state().isProblem())
                .thenComparing(g -> -g.hosts().size()));
        return groups;
    }

    void print(FactRun run, List<Host> hosts) {
        Map<String, Host> byName = new LinkedHashMap<>();
        hosts.forEach(h -> byName.put(h.name(), h));
        for (Group g : fold(run.readings(), byName)) {
            String head = "── " + HostPattern.fold(g.hosts()) + " ("
                    + (g.hosts().size() == 1 ? "1 host" : g.hosts().size() + " hosts") + ") ──";
            Key k = g.key();
            if (k.state().isProblem()) {
                out.println(style.red(head + " " + k.state().label() + ": " + OwnNames.shown(k.error(), g.members())));
            } else {
                out.println(style.green(head));
                out.println(FactJson.pretty(k.value()));
            }
            out.println();
        }
        String line = run.describe() + " in "
                + String.format(Locale.ROOT, "%.1fs", run.elapsed().toMillis() / 1000.0);
        out.println(run.exitCode() == ExitCode.OK ? style.green(line) : style.red(line));
        out.flush();
    }
}
