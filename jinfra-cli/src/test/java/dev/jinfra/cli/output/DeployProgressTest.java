package dev.jinfra.cli.output;

import static dev.jinfra.cli.output.DeployEvents.host;
import static dev.jinfra.cli.output.DeployEvents.hosts;
import static dev.jinfra.cli.output.DeployEvents.operation;
import static dev.jinfra.cli.output.DeployEvents.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.engine.deploy.DeployHostState;
import dev.jinfra.engine.deploy.DeployListener.PlannedOperation;
import dev.jinfra.engine.deploy.OperationStatus;
import dev.jinfra.inventory.Host;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployProgressTest {
    private static final String CLEAR = "\r\u001b[2K";

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private DeployProgress progress(boolean terminal) {
        return new DeployProgress(new PrintStream(err, true, StandardCharsets.UTF_8), terminal, new Style(false));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void beforeThePlanTheLineCountsConnections() {
        try (var progress = progress(false)) {
            progress.hostConnected(host("web-01"));
            progress.hostConnected(host("web-02"));
            progress.unreachable(host("web-03"), "connection refused");
            assertThat(progress.line()).isEqualTo("connected 2 · unreachable 1");
        }
    }

    @Test
    void hostsWaitingForASessionAreShownUntilNoneWaits() {
        try (var progress = progress(false)) {
            progress.hostConnected(host("web-01"));
            progress.sessionsWaiting(12);
            assertThat(progress.line()).isEqualTo("connected 1 · 12 waiting for a session");
            progress.sessionsWaiting(0);
            assertThat(progress.line()).isEqualTo("connected 1");
        }
    }

    @Test
    void theLineCountsTheOperationsHostsAndNamesTheLastOnesStillRunning() {
        List<Host> fleet = hosts("web-01", "web-02", "web-03", "web-04");
        PlannedOperation dir = operation(3, "App directory", fleet);
        try (var progress = progress(false)) {
            progress.planned(List.of(dir, operation(4, "Releases", fleet)));
            progress.operationStarted(1, 2, dir);
            progress.hostFinished(outcome(dir, fleet.get(0), OperationStatus.CHANGED));
            progress.hostFinished(outcome(dir, fleet.get(1), OperationStatus.FAILED));

            assertThat(progress.line())
                    .matches("\\[1/2\\] App directory · done 2/4 · failed 1 · \\d+s · waiting for web-\\[03-04\\]");
            assertThat(err()).isEqualTo("jinfra: [1/2] App directory (4 hosts)\n");
        }
    }

    @Test
    void hostsAtTheirOwnPaceAreCountedByHostAndOperationAsEachIsDone() {
        List<Host> fleet = hosts("web-01", "web-02", "web-03");
        PlannedOperation dir = operation(1, "App directory", fleet);
        PlannedOperation conf = operation(2, "Config", fleet);
        try (var progress = progress(false)) {
            progress.planned(List.of(dir, conf));
            progress.ownPaceStarted(6);
            assertThat(err()).isEqualTo("jinfra: hosts at their own pace (6 operations on 3 hosts)\n");
            progress.hostProgressed(fleet.get(0), dir.id(), false);
            progress.hostProgressed(fleet.get(0), conf.id(), false);
            // Told again when the host's script ends: counted once.
            progress.hostFinished(outcome(dir, fleet.get(0), OperationStatus.CHANGED));
            progress.hostProgressed(fleet.get(1), dir.id(), true);
            progress.hostFinished(outcome(dir, fleet.get(2), OperationStatus.UNCHANGED));
            assertThat(progress.line())
                    .matches("hosts at their own pace · done 4/6 · failed 1 · \\d+s · waiting for web-03");
            // An operation every host is done with is reported; it does not reset the count.
            progress.operationStarted(1, 2, dir);
            progress.operationFinished(1, 2, dir, List.of());
            assertThat(progress.line()).startsWith("hosts at their own pace · done 4/6");
        }
    }

    @Test
    void manyHostsStillRunningAreCountedNotNamed() {
        List<Host> fleet = hosts("db-1", "db-2", "db-3", "db-4", "db-5", "db-6", "db-7");
        PlannedOperation op = operation(1, "Packages", fleet);
        try (var progress = progress(false)) {
            progress.operationStarted(1, 1, op);
            assertThat(progress.line()).matches("\\[1/1\\] Packages · done 0/7 · \\d+s");
            progress.hostFinished(outcome(op, fleet.get(6), OperationStatus.UNCHANGED));
            progress.hostFinished(outcome(op, fleet.get(0), OperationStatus.UNCHANGED));
            assertThat(progress.line()).endsWith(" · waiting for db-[2-6]");
        }
    }

    @Test
    void hostsThatFailedEarlierAreNotWaitedForUnlessTheyComeBack() {
        List<Host> fleet = hosts("web-01", "web-02", "web-03");
        PlannedOperation dir = operation(3, "App directory", fleet);
        PlannedOperation releases = operation(4, "Releases", fleet);
        PlannedOperation logs = operation(5, "Logs", fleet);
        try (var progress = progress(false)) {
            progress.operationStarted(1, 3, dir);
            fleet.forEach(h -> progress.hostFinished(
                    outcome(dir, h, h.name().equals("web-02") ? OperationStatus.FAILED : OperationStatus.CHANGED)));
            progress.operationFinished(1, 3, dir, List.of());

            progress.operationStarted(2, 3, releases);
            assertThat(progress.line()).matches("\\[2/3\\] Releases · done 0/2 · \\d+s · waiting for web-\\[01,03\\]");
            progress.operationFinished(2, 3, releases, List.of());

            // The failure was ignored (ignore errors): the runner runs web-02 again, and it counts.
            progress.operationStarted(3, 3, logs);
            progress.hostFinished(outcome(logs, fleet.get(1), OperationStatus.UNCHANGED));
            assertThat(progress.line()).matches("\\[3/3\\] Logs · done 1/3 · \\d+s · waiting for web-\\[01,03\\]");
            assertThat(err()).contains("jinfra: [2/3] Releases (2 hosts)\n");
        }
    }

    @Test
    void onATerminalTheLineIsRedrawnAndClearedBeforeTheReportPrints() throws Exception {
        List<Host> fleet = hosts("web-01", "web-02");
        PlannedOperation dir = operation(3, "App directory", fleet);
        var progress = progress(true);
        progress.planned(List.of(dir));
        progress.operationStarted(1, 1, dir);
        progress.hostFinished(outcome(dir, fleet.get(0), OperationStatus.CHANGED));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!err().contains("App directory · done 1/2") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(err()).contains(CLEAR + "[1/1] App directory · done 1/2");

        progress.operationFinished(1, 1, dir, List.of());
        assertThat(err()).endsWith(CLEAR);
        // Paused until the next operation starts: the report's lines get the screen to themselves.
        Thread.sleep(400);
        assertThat(err()).endsWith(CLEAR);

        progress.finished(DeployEvents.result(
                List.of(dir), List.of(), Map.of("web-01", DeployHostState.CHANGED), Map.of(), Map.of()));
        String atEnd = err();
        Thread.sleep(300);
        assertThat(err()).isEqualTo(atEnd).doesNotContain("jinfra:");
    }

    @Test
    void closingWithoutAFinishedEventStopsTheDisplayAndCanBeRepeated() throws Exception {
        var progress = progress(true);
        progress.hostConnected(host("web-01"));
        progress.close();
        progress.close();
        String atClose = err();
        Thread.sleep(300);
        assertThat(err()).isEqualTo(atClose);
        // Late events from a runner still winding down draw nothing.
        progress.operationStarted(1, 1, operation(1, "Late", hosts("web-01")));
        Thread.sleep(300);
        assertThat(err()).isEqualTo(atClose);
    }
}
