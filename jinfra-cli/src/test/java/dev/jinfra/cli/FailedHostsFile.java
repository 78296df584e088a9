package dev.jinfra.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code .jinfra/failed-hosts} as a run left it: the host names under each state's heading. */
record FailedHostsFile(Map<String, List<String>> byState) {

    static FailedHostsFile read(Path cwd) throws IOException {
        Map<String, List<String>> byState = new LinkedHashMap<>();
        String heading = null;
        for (String line : Files.readAllLines(cwd.resolve(".jinfra/failed-hosts"))) {
            if (line.startsWith("# hosts that did not succeed") || line.startsWith("# written")) {
                continue;
            }
            if (line.startsWith("# ")) {
                heading = line.substring(2);
            } else if (!line.isBlank()) {
                if (heading == null) {
                    throw new AssertionError("a host before any state heading in .jinfra/failed-hosts: " + line);
                }
                byState.computeIfAbsent(heading, k -> new ArrayList<>()).add(line);
            }
        }
        return new FailedHostsFile(byState);
    }

    /** The hosts under {@code state} (as the file writes it: {@code timed out}, {@code not started}). */
    Set<String> hosts(String state) {
        return new TreeSet<>(byState.getOrDefault(state, List.of()));
    }

    Set<String> allHosts() {
        Set<String> all = new TreeSet<>();
        byState.values().forEach(all::addAll);
        return all;
    }

    /** How many names the file lists, counting a name listed twice twice. */
    int size() {
        return byState.values().stream().mapToInt(List::size).sum();
    }
}
