package dev.jinfra.cli.output;

import static dev.jinfra.cli.output.DeployEvents.host;
import static dev.jinfra.cli.output.DeployEvents.hosts;
import static dev.jinfra.cli.output.DeployEvents.operation;
import static dev.jinfra.cli.output.DeployEvents.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinfra.engine.deploy.DeployHostState;
import dev.jinfra.engine.deploy.DeployListener.PlannedOperation;
import dev.jinfra.engine.deploy.OperationOutcome;
import dev.jinfra.engine.deploy.OperationStatus;
import dev.jinfra.inventory.Host;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class DeployJsonLinesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DeployJsonLines json = new DeployJsonLines(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    /** Every line must be one whole JSON object. */
    private List<JsonNode> lines() throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).lines().toList()) {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            nodes.add(node);
        }
        return nodes;
    }

    /** Two reached hosts, one unreachable; web-02 fails the first operation and is skipped in the second. */
    private void runTwoOperations() {
        List<Host> reached = hosts("web-01", "web-02");
        Host down = host("web-03");
        PlannedOperation dir = operation(3, "App directory", reached);
        PlannedOperation releases = operation(4, "Releases", reached);

        json.hostConnected(reached.get(0));
        json.unreachable(down, "connection refused");
        json.hostConnected(reached.get(1));
        json.planned(List.of(dir, releases));

        json.operationStarted(1, 2, dir);
        OperationOutcome changed = outcome(dir, reached.get(0), OperationStatus.CHANGED);
        OperationOutcome failed = outcome(dir, reached.get(1), OperationStatus.FAILED);
        json.hostFinished(failed);
        json.hostFinished(changed);
        json.operationFinished(1, 2, dir, List.of(changed, failed));

        json.operationStarted(2, 2, releases);
        OperationOutcome unchanged = outcome(releases, reached.get(0), OperationStatus.UNCHANGED);
        OperationOutcome skipped = outcome(releases, reached.get(1), OperationStatus.SKIPPED);
        json.hostFinished(unchanged);
        json.operationFinished(2, 2, releases, List.of(unchanged, skipped));

        Map<String, DeployHostState> states = new LinkedHashMap<>();
        states.put("web-01", DeployHostState.CHANGED);
        states.put("web-02", DeployHostState.FAILED);
        states.put("web-03", DeployHostState.UNREACHABLE);
        json.finished(DeployEvents.result(
                List.of(dir, releases),
                List.of(changed, failed, unchanged, skipped),
                states,
                Map.of("web-02", "App directory: exit 1: mkdir -p -- /srv/app", "web-03", "connection refused"),
                Map.of("web-02", 3, "web-01", 5)));
    }

    @Test
    void everyEventIsOneLineWithItsTypeInRunOrder() throws Exception {
        runTwoOperations();
        assertThat(lines())
                .extracting(n -> n.get("type").asText())
                .containsExactly(
                        "host_connected",
                        "host_unreachable",
                        "host_connected",
                        "plan",
                        "operation_start",
                        "result",
                        "result",
                        "operation_end",
                        "operation_start",
                        "result",
                        "result",
                        "operation_end",
                        "summary");
    }

    @Test
    void thePlanListsOperationsWithNumberCallSiteNameAndHosts() throws Exception {
        runTwoOperations();
        JsonNode plan = lines().get(3);
        assertThat(plan.get("operations")).hasSize(2);
        JsonNode first = plan.get("operations").get(0);
        assertThat(first.get("number").asInt()).isEqualTo(1);
        assertThat(first.get("id").asText()).isEqualTo("deploy.java:3");
        assertThat(first.get("name").asText()).isEqualTo("App directory");
        assertThat(first.get("hosts")).extracting(JsonNode::asText).containsExactly("web-01", "web-02");
        assertThat(lines().get(1).get("error").asText()).isEqualTo("connection refused");
    }

    @Test
    void resultsCarryStatusCommandsReasonAndExitCodeAndOutputOnlyWhenThereIsSome() throws Exception {
        runTwoOperations();
        List<JsonNode> all = lines();
        JsonNode failed = all.get(5);
        assertThat(failed.get("operation").asInt()).isEqualTo(1);
        assertThat(failed.get("host").asText()).isEqualTo("web-02");
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("commands")).extracting(JsonNode::asText).containsExactly("mkdir -p -- /srv/app");
        assertThat(failed.get("reason").asText()).isEqualTo("exit 1: mkdir -p -- /srv/app");
        assertThat(failed.get("exit_code").asInt()).isEqualTo(1);
        assertThat(failed.get("stderr").asText()).isEqualTo("mkdir: permission denied\n");
        assertThat(failed.has("stdout")).isFalse();

        JsonNode changed = all.get(6);
        assertThat(changed.get("status").asText()).isEqualTo("changed");
        assertThat(changed.get("reason").isNull()).isTrue();
        assertThat(changed.has("stderr")).isFalse();

        JsonNode end = all.get(7);
        assertThat(end.get("number").asInt()).isEqualTo(1);
        assertThat(end.get("changed").asInt()).isEqualTo(1);
        assertThat(end.get("failed").asInt()).isEqualTo(1);
        assertThat(end.get("unchanged").asInt()).isZero();
        assertThat(end.get("skipped").asInt()).isZero();
    }

    @Test
    void hostsThatNeverRanAnOperationStillGetAResultBeforeItEnds() throws Exception {
        runTwoOperations();
        List<JsonNode> all = lines();
        JsonNode start = all.get(8);
        assertThat(start.get("number").asInt()).isEqualTo(2);
        assertThat(start.get("total").asInt()).isEqualTo(2);
        assertThat(start.get("name").asText()).isEqualTo("Releases");
        assertThat(start.get("hosts").asInt()).isEqualTo(2);

        JsonNode skipped = all.get(10);
        assertThat(skipped.get("operation").asInt()).isEqualTo(2);
        assertThat(skipped.get("host").asText()).isEqualTo("web-02");
        assertThat(skipped.get("status").asText()).isEqualTo("skipped");
        assertThat(skipped.get("exit_code").isNull()).isTrue();
        assertThat(skipped.get("commands")).isEmpty();
        assertThat(all.get(11).get("skipped").asInt()).isEqualTo(1);
        // Each host has exactly one result per operation, whether it came live or at the end.
        assertThat(all.stream().filter(n -> n.get("type").asText().equals("result")))
                .hasSize(4);
    }

    @Test
    void theSummaryCountsFinalHostStatesWithRoundTripsAndErrorsInInventoryOrder() throws Exception {
        runTwoOperations();
        JsonNode summary = lines().getLast();
        assertThat(summary.get("hosts").asInt()).isEqualTo(3);
        assertThat(summary.get("changed").asInt()).isEqualTo(1);
        assertThat(summary.get("unchanged").asInt()).isZero();
        assertThat(summary.get("failed").asInt()).isEqualTo(1);
        assertThat(summary.get("unreachable").asInt()).isEqualTo(1);
        assertThat(summary.get("not_started").asInt()).isZero();
        assertThat(summary.get("incomplete").asInt()).isZero();
        assertThat(summary.get("operations").get("skipped").asInt()).isEqualTo(1);
        assertThat(summary.get("stop_reason").isNull()).isTrue();
        assertThat(summary.get("dry_run").asBoolean()).isFalse();
        assertThat(summary.get("elapsed_ms").asLong()).isEqualTo(1500);
        assertThat(summary.get("round_trips").properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("web-01", "web-02");
        assertThat(summary.get("round_trips").get("web-01").asInt()).isEqualTo(5);
        assertThat(summary.get("errors").get("web-03").asText()).isEqualTo("connection refused");
    }

    @Test
    void linesFromManyThreadsAtOnceNeverMix() throws Exception {
        List<Host> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(host("web-" + i));
        }
        PlannedOperation op = operation(1, "Shell", many);
        json.planned(List.of(op));
        json.operationStarted(1, 1, op);
        String output = "x".repeat(2000) + "\n";
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (Host h : many) {
                threads.submit(() -> json.hostFinished(new OperationOutcome(
                        op.id(), op.name(), h, OperationStatus.CHANGED, List.of("echo"), null, output, output, 0)));
            }
        }
        List<JsonNode> results = lines().stream()
                .filter(n -> n.get("type").asText().equals("result"))
                .toList();
        assertThat(results)
                .hasSize(200)
                .allSatisfy(n -> assertThat(n.get("stdout").asText()).isEqualTo(output));
    }
}
