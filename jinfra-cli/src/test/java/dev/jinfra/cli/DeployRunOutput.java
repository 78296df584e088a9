package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one deploy {@code --json} run said: the plan, every {@code result}, the {@code operation_end} counts, the
 * {@code summary}, the exit code and the {@code .jinfra/failed-hosts} it left. {@link #assertAgreement} checks
 * that every planned host × operation has exactly one outcome and that all of these say the same.
 */
final class DeployRunOutput {
    /** The host states as the summary names them, and the headings of .jinfra/failed-hosts for the others. */
    static final Map<String, String> RETRY_HEADINGS = Map.of(
            "failed", "failed", "unreachable", "unreachable", "incomplete", "incomplete", "not_started", "not started");

    private static final List<String> STATUSES = List.of("changed", "unchanged", "failed", "skipped", "not_run");
    private static final ObjectMapper JSON = new ObjectMapper();

    final int exitCode;
    final JsonNode summary;
    final FailedHostsFile retryFile;
    /** Operation number, host, in plan order. */
    final Set<String> planned = new LinkedHashSet<>();
    /** Each host's results, by operation number. */
    final Map<String, Map<Integer, JsonNode>> results = new LinkedHashMap<>();

    final Set<String> unreachableEvents = new TreeSet<>();
    private final List<JsonNode> operationEnds = new ArrayList<>();
    private final Map<String, Integer> resultsPerPair = new HashMap<>();
    private final String raw;

    DeployRunOutput(int exitCode, String out, String err, Path cwd) throws IOException {
        this.exitCode = exitCode;
        this.raw = "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        JsonNode last = null;
        for (String line : out.lines().toList()) {
            JsonNode e = JSON.readTree(line);
            last = e;
            switch (e.get("type").asText()) {
                case "plan" -> {
                    for (JsonNode op : e.get("operations")) {
                        for (JsonNode h : op.get("hosts")) {
                            planned.add(op.get("number").asInt() + " " + h.asText());
                        }
                    }
                }
                case "result" -> {
                    String host = e.get("host").asText();
                    int op = e.get("operation").asInt();
                    resultsPerPair.merge(op + " " + host, 1, Integer::sum);
                    results.computeIfAbsent(host, h -> new LinkedHashMap<>()).put(op, e);
                }
                case "operation_end" -> operationEnds.add(e);
                case "host_unreachable" -> unreachableEvents.add(e.get("host").asText());
                default -> {}
            }
        }
        assertThat(last).as("the output ends with the summary\n" + raw).isNotNull();
        assertThat(last.get("type").asText())
                .as("the last line is the summary\n" + raw)
                .isEqualTo("summary");
        this.summary = last;
        this.retryFile = FailedHostsFile.read(cwd);
    }

    static DeployRunOutput of(CliRun run, Path cwd) throws IOException {
        return new DeployRunOutput(run.exitCode(), run.out(), run.err(), cwd);
    }

    /** The host's state: the heading it is listed under in .jinfra/failed-hosts, else changed or unchanged. */
    String state(String host) {
        for (var e : retryFile.byState().entrySet()) {
            if (e.getValue().contains(host)) {
                return e.getKey().replace(' ', '_');
            }
        }
        return statuses(host).contains("changed") ? "changed" : "unchanged";
    }

    /** The statuses of the host's results in operation order; empty when the host is not in the plan. */
    List<String> statuses(String host) {
        return results.getOrDefault(host, Map.of()).values().stream()
                .map(r -> r.get("status").asText())
                .toList();
    }

    JsonNode result(String host, int operation) {
        return results.getOrDefault(host, Map.of()).get(operation);
    }

    /** Why the host did not succeed, from the summary's errors. */
    String error(String host) {
        JsonNode e = summary.get("errors").get(host);
        return e == null ? null : e.asText();
    }

    boolean interrupted() {
        return summary.get("interrupted").asBoolean();
    }

    /**
     * Every planned host × operation has exactly one result; each operation's end counts its results; the
     * summary counts the results and the hosts' states; the hosts that did not succeed are exactly those in
     * .jinfra/failed-hosts, under the state the summary counts them in; every failed or unreachable host has its
     * error; and the exit code is the one those states call for.
     */
    void assertAgreement(List<String> targeted, String context) {
        String as = context + "\n" + raw;
        assertThat(resultsPerPair.keySet())
                .as("a result for each planned host × operation: " + as)
                .isEqualTo(planned);
        assertThat(resultsPerPair.values())
                .as("no host × operation reported twice: " + as)
                .allMatch(n -> n == 1);
        assertThat(summary.get("hosts").asInt()).as(as).isEqualTo(targeted.size());

        Map<Integer, Map<String, Integer>> byOperation = new HashMap<>();
        Map<String, Integer> byStatus = new HashMap<>();
        results.values()
                .forEach(ops -> ops.forEach((op, r) -> {
                    byOperation
                            .computeIfAbsent(op, k -> new HashMap<>())
                            .merge(r.get("status").asText(), 1, Integer::sum);
                    byStatus.merge(r.get("status").asText(), 1, Integer::sum);
                }));
        for (JsonNode end : operationEnds) {
            for (String status : STATUSES) {
                assertThat(end.get(status).asInt())
                        .as("operation_end " + end.get("number") + " count of " + status + ": " + as)
                        .isEqualTo(byOperation
                                .getOrDefault(end.get("number").asInt(), Map.of())
                                .getOrDefault(status, 0));
            }
        }
        for (String status : STATUSES) {
            assertThat(summary.get("operations").get(status).asInt())
                    .as("summary count of operations " + status + ": " + as)
                    .isEqualTo(byStatus.getOrDefault(status, 0));
        }

        assertThat(retryFile.byState().keySet())
                .as("no other headings in .jinfra/failed-hosts: " + as)
                .isSubsetOf(RETRY_HEADINGS.values());
        assertThat(retryFile.size())
                .as("no host listed twice: " + as)
                .isEqualTo(retryFile.allHosts().size());
        assertThat(targeted).as("every listed host was targeted: " + as).containsAll(retryFile.allHosts());
        Map<String, Integer> states = new HashMap<>();
        for (String host : targeted) {
            String state = state(host);
            states.merge(state, 1, Integer::sum);
            List<String> statuses = statuses(host);
            switch (state) {
                case "changed", "unchanged" ->
                    assertThat(statuses)
                            .as(host + " succeeded, so it has a result for each operation, each a success: " + as)
                            .isNotEmpty()
                            .allMatch(s -> s.equals("changed") || s.equals("unchanged"));
                case "incomplete" ->
                    assertThat(statuses)
                            .as(host + " is incomplete: some operations not run, none failed: " + as)
                            .contains("not_run")
                            .doesNotContain("failed");
                case "not_started" ->
                    assertThat(statuses)
                            .as(host + " was not started: none of its operations ran: " + as)
                            .doesNotContain("changed", "unchanged", "failed");
                case "failed", "unreachable" -> {
                    assertThat(error(host))
                            .as(host + " has its error in the summary: " + as)
                            .isNotBlank();
                    // Not in the plan at all (it failed before), or some operation did not succeed on it.
                    assertThat(statuses)
                            .as(host + " did not succeed, so not every operation did: " + as)
                            .matches(s -> s.isEmpty()
                                    || s.stream().anyMatch(x -> !x.equals("changed") && !x.equals("unchanged")))
                            .doesNotContain("not_run");
                }
                default -> throw new AssertionError("unknown state " + state);
            }
        }
        for (String state : List.of("changed", "unchanged", "failed", "unreachable", "incomplete", "not_started")) {
            assertThat(summary.get(state).asInt())
                    .as("summary count of " + state + " hosts: " + as)
                    .isEqualTo(states.getOrDefault(state, 0));
        }
        assertThat(retryFile.hosts("unreachable"))
                .as("each host_unreachable event is an unreachable host: " + as)
                .containsAll(unreachableEvents);
        assertThat(exitCode).as("the exit code the states call for: " + as).isEqualTo(expectedExitCode());
    }

    /** Interrupted first, then failed, then unreachable, then hosts left short of the end. */
    private int expectedExitCode() {
        if (interrupted()) {
            return ExitCode.INTERRUPTED;
        }
        if (summary.get("failed").asInt() > 0) {
            return ExitCode.HOSTS_FAILED;
        }
        if (summary.get("unreachable").asInt() > 0) {
            return ExitCode.HOSTS_UNREACHABLE;
        }
        return summary.get("incomplete").asInt() + summary.get("not_started").asInt() > 0
                ? ExitCode.HOSTS_FAILED
                : ExitCode.OK;
    }

    @Override
    public String toString() {
        return raw;
    }
}
