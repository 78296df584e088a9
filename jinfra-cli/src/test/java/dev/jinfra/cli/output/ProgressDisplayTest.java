package dev.jinfra.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.engine.HostResult;
import dev.jinfra.engine.HostState;
import dev.jinfra.engine.RunSummary;
import dev.jinfra.inventory.Host;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
    static Host host(String name) {
        return new Host(name, List.of(), Map.of());
    }

    static HostResult result(Host h, HostState state) {
        return new HostResult(h, state, state == HostState.SUCCEEDED ? 0 : 1, "", "", null, Duration.ZERO);
    }

    @Test
    void theStatusLineCountsAndNamesTheLastHostsStillRunning() {
        var err = new ByteArrayOutputStream();
        var progress = new ProgressDisplay(new PrintStream(err, true), false, new Style(false));
        List<Host> hosts = List.of(host("web-01"), host("web-02"), host("web-03"), host("web-04"));
        progress.runStarted(hosts);
        hosts.forEach(progress::hostConnecting);
        hosts.subList(0, 3).forEach(progress::hostConnected);
        progress.hostFinished(result(hosts.get(0), HostState.SUCCEEDED));
        progress.hostFinished(result(hosts.get(1), HostState.FAILED));

        assertThat(progress.line())
                .matches("connected 3/4 · running 2 · done 2/4 · problems 1 · \\d+s · waiting for web-\\[03-04\\]");
        progress.runFinished(new RunSummary(List.of(), Duration.ZERO, false, null));
        assertThat(err.toString()).startsWith("jinfra: 4 hosts\n");
    }

    @Test
    void hostsWaitingForASessionAreShown() {
        var progress = new ProgressDisplay(new PrintStream(new ByteArrayOutputStream(), true), false, new Style(false));
        progress.runStarted(List.of(host("web-01"), host("web-02")));
        progress.sessionsWaiting(1);
        assertThat(progress.line()).startsWith("connected 0/2 · running 0 · 1 waiting for a session · done 0/2");
        progress.sessionsWaiting(0);
        assertThat(progress.line()).doesNotContain("waiting for a session");
    }

    @Test
    void batchesAreAnnouncedInPlainOutput() {
        var err = new ByteArrayOutputStream();
        var progress = new ProgressDisplay(new PrintStream(err, true), false, new Style(false));
        List<Host> hosts = List.of(host("db-1"), host("db-2"));
        progress.runStarted(hosts);
        progress.batchStarted(1, 2, hosts.subList(0, 1));
        assertThat(progress.line()).startsWith("batch 1/2 · connected 0/2");
        progress.runFinished(new RunSummary(List.of(), Duration.ZERO, false, null));
        assertThat(err.toString()).contains("jinfra: batch 1/2: db-1\n");
    }

    @Test
    void sparseProgressPrintsNothingForAShortRun() {
        var err = new ByteArrayOutputStream();
        var progress = new ProgressDisplay(new PrintStream(err, true), ProgressDisplay.Mode.SPARSE, new Style(false));
        List<Host> hosts = List.of(host("db-1"), host("db-2"));
        progress.runStarted(hosts);
        progress.batchStarted(1, 2, hosts.subList(0, 1));
        hosts.forEach(progress::hostConnecting);
        hosts.forEach(h -> progress.hostFinished(result(h, HostState.SUCCEEDED)));
        progress.runFinished(new RunSummary(List.of(), Duration.ZERO, false, null));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void sparseProgressPrintsAStatusLineNowAndThenDuringALongRun() throws Exception {
        var err = new ByteArrayOutputStream();
        var progress = new ProgressDisplay(
                new PrintStream(err, true), ProgressDisplay.Mode.SPARSE, new Style(false), Duration.ofMillis(100));
        List<Host> hosts = List.of(host("db-1"), host("db-2"));
        progress.runStarted(hosts);
        hosts.forEach(progress::hostConnecting);
        progress.hostConnected(hosts.get(0));
        Thread.sleep(350);
        progress.runFinished(new RunSummary(List.of(), Duration.ZERO, false, null));

        assertThat(err.toString().lines().toList())
                .isNotEmpty()
                .allMatch(l -> l.startsWith("jinfra: connected 1/2 · running 2 · done 0/2 · "));
    }
}
