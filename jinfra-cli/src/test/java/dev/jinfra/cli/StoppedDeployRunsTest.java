package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs that stop early (fail-fast, a failure budget, Ctrl-C) still give every host × operation exactly one
 * outcome; the summary, the JSON events, the exit code and {@code .jinfra/failed-hosts} agree, and
 * {@code --retry failed} then brings every host to the deploy's end state.
 */
class StoppedDeployRunsTest {
    static final int HOSTS = 20;
    static final int OPERATIONS = 10;
    static final List<String> FAILING = List.of("web-003", "web-007", "web-011", "web-015", "web-019");

    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(HOSTS);

    @TempDir
    Path cwd;

    final ObjectMapper json = new ObjectMapper();

    String inventory() {
        return fleetExtension.fleet().inventoryYaml().toString();
    }

    /**
     * Ten operations: directories d1..d10 (d2 after a short pause), except operation 4, which fails on hosts that
     * have a marker file. In-process hosts share this machine's files, so each host's paths have its name.
     */
    void writeDeploy() throws Exception {
        Files.createDirectories(cwd.resolve("fail"));
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    String base = "%s/" + host.name();
                    files.directory(base + "/d1").name("op 1");
                    server.shell("sleep 0.2; mkdir -p " + base + "/d2").name("op 2");
                    files.directory(base + "/d3").name("op 3");
                    server.shell("test ! -e %s/" + host.name() + " && mkdir -p " + base + "/d4").name("op 4");
                    files.directory(base + "/d5").name("op 5");
                    files.directory(base + "/d6").name("op 6");
                    files.directory(base + "/d7").name("op 7");
                    files.directory(base + "/d8").name("op 8");
                    files.directory(base + "/d9").name("op 9");
                    files.directory(base + "/d10").name("op 10");
                }
                """.formatted(cwd.resolve("hosts"), cwd.resolve("fail")));
    }

    void markFailing() throws Exception {
        for (String h : FAILING) {
            Files.writeString(cwd.resolve("fail").resolve(h), "");
        }
    }

    void clearFailing() throws Exception {
        for (String h : FAILING) {
            Files.deleteIfExists(cwd.resolve("fail").resolve(h));
        }
    }

    List<JsonNode> events(String out) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (String line : out.lines().toList()) {
            if (line.startsWith("{")) {
                all.add(json.readTree(line));
            }
        }
        return all;
    }

    /** Host names listed in the retry file, by the heading they are under. */
    Map<String, List<String>> retryFile() throws Exception {
        Map<String, List<String>> byHeading = new HashMap<>();
        String heading = null;
        for (String line : Files.readAllLines(cwd.resolve(".jinfra/failed-hosts"))) {
            if (line.startsWith("# ") && !line.startsWith("# hosts") && !line.startsWith("# written")) {
                heading = line.substring(2);
            } else if (!line.startsWith("#") && !line.isBlank()) {
                byHeading.computeIfAbsent(heading, k -> new ArrayList<>()).add(line);
            }
        }
        return byHeading;
    }

    /**
     * Checks that every planned host × operation has exactly one result event, that the summary counts them and
     * the hosts as the events say, and that the retry file lists exactly the hosts that did not succeed.
     */
    JsonNode assertOneOutcomeEachAndAgreement(String out, String context) throws Exception {
        List<JsonNode> events = events(out);
        JsonNode plan = events.stream()
                .filter(e -> e.get("type").asText().equals("plan"))
                .findFirst()
                .orElseThrow();
        Set<String> expected = new LinkedHashSet<>();
        for (JsonNode op : plan.get("operations")) {
            for (JsonNode h : op.get("hosts")) {
                expected.add(op.get("number").asInt() + " " + h.asText());
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> byStatus = new HashMap<>();
        for (JsonNode e : events) {
            if (e.get("type").asText().equals("result")) {
                seen.merge(e.get("operation").asInt() + " " + e.get("host").asText(), 1, Integer::sum);
                byStatus.merge(e.get("status").asText(), 1, Integer::sum);
            }
        }
        assertThat(seen.keySet()).as(context).isEqualTo(expected);
        assertThat(seen.values()).as(context).containsOnly(1);
        JsonNode summary = events.getLast();
        assertThat(summary.get("type").asText()).isEqualTo("summary");
        for (String status : List.of("changed", "unchanged", "failed", "skipped", "not_run")) {
            assertThat(summary.get("operations").get(status).asInt())
                    .as(context + " " + status)
                    .isEqualTo(byStatus.getOrDefault(status, 0));
        }
        int notSucceeded = summary.get("failed").asInt()
                + summary.get("unreachable").asInt()
                + summary.get("incomplete").asInt()
                + summary.get("not_started").asInt();
        assertThat(summary.get("changed").asInt() + summary.get("unchanged").asInt() + notSucceeded)
                .isEqualTo(HOSTS);
        int listed = retryFile().values().stream().mapToInt(List::size).sum();
        assertThat(listed).as(context).isEqualTo(notSucceeded);
        return summary;
    }

    void assertEveryHostAtTheEndState() {
        for (int h = 1; h <= HOSTS; h++) {
            for (int d = 1; d <= OPERATIONS; d++) {
                assertThat(cwd.resolve("hosts/web-%03d/d%d".formatted(h, d))).isDirectory();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--fail-fast", "--max-fail=3", "--fail-percent=10"})
    void aRunStoppedByItsFailureBudgetAccountsForEveryOperationAndRetryFinishesIt(String budget) throws Exception {
        writeDeploy();
        markFailing();
        CliRun stopped = CliRun.run(cwd, inventory(), "deploy.java", budget, "--json", "--yes");
        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCode.HOSTS_FAILED);
        JsonNode summary = assertOneOutcomeEachAndAgreement(stopped.out(), budget);
        assertThat(summary.get("failed").asInt()).isEqualTo(5);
        assertThat(summary.get("incomplete").asInt()).isEqualTo(15);
        assertThat(summary.get("operations").get("not_run").asInt()).isEqualTo(6 * 15);
        assertThat(summary.get("operations").get("skipped").asInt()).isEqualTo(6 * 5);
        assertThat(summary.get("stop_reason").asText()).isNotEmpty();
        assertThat(retryFile()).containsOnlyKeys("failed", "incomplete");
        assertThat(retryFile().get("failed")).containsExactlyElementsOf(FAILING);

        clearFailing();
        CliRun retry = CliRun.run(cwd, inventory(), "deploy.java", "--retry", "failed", "--yes");
        assertThat(retry.exitCode()).as(retry.toString()).isEqualTo(ExitCode.OK);
        assertThat(retry.out()).contains("20 of 20 hosts succeeded");
        assertEveryHostAtTheEndState();
        assertThat(retryFile()).isEmpty();
    }

    @Test
    void theReportSaysWhichHostsDidNotFinish() throws Exception {
        writeDeploy();
        markFailing();
        CliRun stopped = CliRun.run(cwd, inventory(), "deploy.java", "--fail-fast", "--yes");
        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCode.HOSTS_FAILED);
        assertThat(stopped.out())
                .contains(
                        "incomplete: web-[001-002,004-006,008-010,012-014,016-018,020]: not finished: run stopped: a host failed (fail-fast)")
                .contains(
                        "0 of 20 hosts succeeded: 0 changed, 0 unchanged; 5 failed; 15 incomplete (stopped: a host failed (fail-fast))");
    }

    @Test
    void ctrlCAtARandomPointLeavesEveryOutcomeAccountedForAndRetryFinishesTheRun() throws Exception {
        writeDeploy();
        long seed = System.nanoTime();
        int delayMs = new java.util.Random(seed).nextInt(600);
        String context = "Ctrl-C " + delayMs + " ms after the first operation started (seed " + seed + ")";
        String report;
        String errors;
        int exit;
        try (var jinfra = JinfraProcess.start(cwd, List.of(inventory(), "deploy.java", "--json", "--yes"))) {
            jinfra.awaitWhileRunning(() -> started(jinfra), Duration.ofSeconds(60));
            Thread.sleep(delayMs);
            jinfra.interrupt();
            assertThat(jinfra.waitFor(Duration.ofSeconds(30)))
                    .as("jinfra exits soon after Ctrl-C")
                    .isTrue();
            exit = jinfra.exitCode();
            report = jinfra.out();
            errors = jinfra.err();
        }
        if (exit == ExitCode.OK) {
            // The run was already over when the signal came: nothing was left to stop.
            assertOneOutcomeEachAndAgreement(report, context);
            assertEveryHostAtTheEndState();
            return;
        }
        assertThat(exit).as(context + "\n" + report + errors).isEqualTo(ExitCode.INTERRUPTED);
        JsonNode summary = assertOneOutcomeEachAndAgreement(report, context);
        assertThat(summary.get("interrupted").asBoolean()).isTrue();

        CliRun retry = CliRun.run(cwd, inventory(), "deploy.java", "--retry", "failed", "--yes");
        assertThat(retry.exitCode()).as(context + "\n" + retry).isEqualTo(ExitCode.OK);
        assertEveryHostAtTheEndState();
    }

    /** The first operation has started: the run is past preparing. */
    private static boolean started(JinfraProcess jinfra) {
        try {
            return jinfra.out().contains("\"operation_start\"");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
