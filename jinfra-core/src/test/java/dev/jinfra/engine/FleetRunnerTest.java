package dev.jinfra.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.command.Command;
import dev.jinfra.connect.ConnectionPolicy;
import dev.jinfra.connect.LocalConnector;
import dev.jinfra.connect.SshConnector;
import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostKeys;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testing.SshConnectorExtension;
import dev.jinfra.testkit.Fault;
import dev.jinfra.testkit.SshFleet;
import dev.jinfra.testkit.SshFleetExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FleetRunnerTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(12);

    @RegisterExtension
    static SshConnectorExtension sshExtension = new SshConnectorExtension();

    static final LocalConnector LOCAL = new LocalConnector();

    SshFleet fleet() {
        return fleetExtension.fleet();
    }

    List<Host> hosts() {
        return FleetHosts.all(fleet(), Map.of(HostKeys.SSH_CONNECT_TIMEOUT, 2));
    }

    String name(int i) {
        return fleet().hostNames().get(i);
    }

    RunSummary run(
            List<Host> hosts,
            String command,
            Duration timeout,
            RunPolicy options,
            RecordingListener listener,
            RunControl control) {
        var runner = new FleetRunner(h -> h.isLocal() ? LOCAL : sshExtension.connector());
        return runner.run(hosts, new ExecWork(Command.shell(command), null, timeout), options, listener, control);
    }

    @Test
    void everyHostEndsInExactlyOneStateThatTheSummaryCounts() {
        fleet().host(name(1)).fault(Fault.REFUSE);
        fleet().host(name(2)).fault(Fault.HANG_COMMAND);
        fleet().host(name(3)).fault(Fault.DROP_MID_COMMAND);
        fleet().host(name(4)).fault(Fault.CHANGED_HOST_KEY);
        String failOnFive = "echo hello; [ \"$FLEET_HOST\" = " + name(5) + " ] && exit 4; true";
        var listener = new RecordingListener();

        RunSummary s =
                run(hosts(), failOnFive, Duration.ofSeconds(2), RunPolicy.defaults(), listener, new RunControl());

        assertThat(listener.finishedNames()).containsExactlyInAnyOrderElementsOf(fleet().hostNames());
        assertThat(s.results()).extracting(r -> r.host().name()).containsExactlyElementsOf(fleet().hostNames());
        assertThat(s.count(HostState.SUCCEEDED)).isEqualTo(7);
        assertThat(s.count(HostState.UNREACHABLE)).isEqualTo(2);
        assertThat(s.count(HostState.TIMED_OUT)).isEqualTo(1);
        assertThat(s.count(HostState.FAILED)).isEqualTo(2);
        HostResult five = s.results().get(5);
        assertThat(five.state()).isEqualTo(HostState.FAILED);
        assertThat(five.exitCode()).isEqualTo(4);
        assertThat(five.stdout()).isEqualTo("hello\n");
        assertThat(s.results().get(3).error()).isEqualTo("connection lost before the command finished");
        assertThat(s.results().get(1).error()).isEqualTo("connection refused");
        assertThat(s.describe()).isEqualTo("7 of 12 hosts succeeded; 2 failed; 1 timed out; 2 unreachable");
        assertThat(listener.summary).isSameAs(s);
    }

    @Test
    void noMoreThanParallelHostsAreWorkedOnAtOnce() {
        var listener = new RecordingListener();
        RunSummary s = run(
                hosts(),
                "sleep 0.2",
                Duration.ZERO,
                RunPolicy.builder().parallel(3).build(),
                listener,
                new RunControl());
        assertThat(s.allSucceeded()).isTrue();
        assertThat(listener.maxInFlight.get()).isBetween(1, 3);
    }

    @Test
    void batchesRunOneAfterAnotherWithTheDelayBetween() {
        var listener = new RecordingListener();
        Duration delay = Duration.ofMillis(300);
        RunSummary s = run(
                hosts(),
                "true",
                Duration.ZERO,
                RunPolicy.builder().batching(Batching.parse("5", delay)).build(),
                listener,
                new RunControl());
        assertThat(s.allSucceeded()).isTrue();
        assertThat(listener.batches).extracting(List::size).containsExactly(5, 5, 2);
        for (int b = 1; b < listener.batches.size(); b++) {
            long lastFinishOfPrevious = listener.batches.get(b - 1).stream()
                    .mapToLong(listener.finishedAt::get)
                    .max()
                    .orElseThrow();
            long firstStart = listener.batches.get(b).stream()
                    .mapToLong(listener.startedAt::get)
                    .min()
                    .orElseThrow();
            assertThat(Duration.ofNanos(firstStart - lastFinishOfPrevious)).isGreaterThanOrEqualTo(delay);
        }
    }

    @Test
    void failFastStartsNoHostAfterTheFirstFailure() {
        var listener = new RecordingListener();
        String failOnSecond = "[ \"$FLEET_HOST\" = " + name(1) + " ] && exit 1; true";
        RunSummary s = run(
                hosts(),
                failOnSecond,
                Duration.ZERO,
                RunPolicy.builder().parallel(1).failFast().build(),
                listener,
                new RunControl());
        assertThat(s.results())
                .extracting(HostResult::state)
                .containsExactly(
                        HostState.SUCCEEDED,
                        HostState.FAILED,
                        HostState.NOT_STARTED,
                        HostState.NOT_STARTED,
                        HostState.NOT_STARTED,
                        HostState.NOT_STARTED,
                        HostState.NOT_STARTED,
                        HostState.NOT_STARTED,
                        HostState.NOT_STARTED,
                        HostState.NOT_STARTED,
                        HostState.NOT_STARTED,
                        HostState.NOT_STARTED);
        assertThat(s.results().get(5).error()).contains("fail-fast");
        assertThat(listener.finished).hasSize(12);
    }

    @Test
    void cancellingStopsCommandsInFlightAndStillReportsEveryHost() throws Exception {
        var listener = new RecordingListener();
        var control = new RunControl();
        var hosts = hosts();
        var running = CompletableFuture.supplyAsync(() -> run(
                hosts,
                "sleep 30",
                Duration.ZERO,
                RunPolicy.builder().parallel(6).build(),
                listener,
                control));
        // Cancel once the first six are running their command.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (fleet().hosts().stream().mapToInt(h -> h.commands().size()).sum() < 6 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        long cancelledAt = System.nanoTime();
        control.cancel();
        RunSummary s = running.get();
        assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).isLessThan(Duration.ofSeconds(5));
        assertThat(s.interrupted()).isTrue();
        assertThat(s.results()).hasSize(12);
        assertThat(s.count(HostState.SUCCEEDED)).isZero();
        assertThat(s.withState(HostState.FAILED))
                .allSatisfy(r -> assertThat(r.error()).isEqualTo("interrupted while running"));
        assertThat(s.count(HostState.FAILED) + s.count(HostState.NOT_STARTED)).isEqualTo(12);
        assertThat(s.count(HostState.NOT_STARTED)).isGreaterThanOrEqualTo(6);
    }

    /** Two handshakes at a time against hosts that never answer: the other hosts queue in the connector. */
    static SshConnector twoHandshakesAtATime() {
        return SshConnector.builder().policy(new ConnectionPolicy(2, 100)).build();
    }

    RunSummary runQueued(
            SshConnector ssh,
            int connectTimeoutSeconds,
            RunPolicy options,
            RecordingListener listener,
            RunControl control) {
        fleet().hostNames().forEach(n -> fleet().host(n).fault(Fault.HANG_CONNECT));
        var hosts = FleetHosts.all(fleet(), Map.of(HostKeys.SSH_CONNECT_TIMEOUT, connectTimeoutSeconds));
        return new FleetRunner(h -> ssh)
                .run(hosts, new ExecWork(Command.shell("true"), null, Duration.ZERO), options, listener, control);
    }

    @Test
    void failFastAlsoStopsHostsStillWaitingToConnect() {
        var listener = new RecordingListener();
        long start = System.nanoTime();
        RunSummary s;
        try (SshConnector ssh = twoHandshakesAtATime()) {
            s = runQueued(ssh, 1, RunPolicy.builder().failFast().build(), listener, new RunControl());
        }
        // Without stopping the queue, the twelve hosts would time out two by two: six seconds, twelve unreachable.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(s.count(HostState.UNREACHABLE)).isBetween(1, 2);
        assertThat(s.count(HostState.NOT_STARTED)).isEqualTo(12 - s.count(HostState.UNREACHABLE));
        assertThat(s.withState(HostState.NOT_STARTED))
                .allSatisfy(r -> assertThat(r.error()).contains("fail-fast"));
        assertThat(listener.finished).hasSize(12);
        assertThat(fleet().hosts()).allSatisfy(h -> assertThat(h.commands()).isEmpty());
    }

    @Test
    void cancellingStopsHostsStillWaitingToConnectAtOnce() throws Exception {
        var listener = new RecordingListener();
        var control = new RunControl();
        try (SshConnector ssh = twoHandshakesAtATime()) {
            var running =
                    CompletableFuture.supplyAsync(() -> runQueued(ssh, 10, RunPolicy.defaults(), listener, control));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (listener.startedAt.size() < 12 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            Thread.sleep(200);
            long cancelledAt = System.nanoTime();
            control.cancel();
            RunSummary s = running.get();
            // Without stopping the queue, each pair of hosts would wait out its ten-second connect timeout in turn.
            assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).isLessThan(Duration.ofSeconds(2));
            assertThat(s.interrupted()).isTrue();
            assertThat(s.results()).extracting(HostResult::state).containsOnly(HostState.NOT_STARTED);
            assertThat(s.results()).allSatisfy(r -> assertThat(r.error()).isEqualTo("interrupted"));
            assertThat(listener.finished).hasSize(12);
        }
    }

    @Test
    void aSudoPasswordNeverReachesTheCommandWhenSudoAsksForNone() {
        // The fleet's commands run as root, for whom sudo asks no password and reads nothing from stdin.
        var runner = new FleetRunner(h -> sshExtension.connector());
        RunSummary s = runner.run(
                hosts(),
                new ExecWork(Command.shell("cat; id -u").sudo("root", true), "s3cret-pw", Duration.ofSeconds(20)),
                RunPolicy.defaults(),
                new RecordingListener(),
                new RunControl());
        assertThat(s.allSucceeded()).as(s.describe()).isTrue();
        assertThat(s.results()).allSatisfy(r -> assertThat(r.stdout()).isEqualTo("0\n"));
    }

    @Test
    void aTimeoutIsDescribedAsItWasGiven() {
        assertThat(ExecWork.describe(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(ExecWork.describe(Duration.ofSeconds(2))).isEqualTo("2s");
        assertThat(ExecWork.describe(Duration.ofMillis(1500))).isEqualTo("1.5s");
    }

    @Test
    void localHostsRunWithoutSsh() {
        var listener = new RecordingListener();
        RunSummary s = run(
                List.of(new Host(Host.LOCAL, List.of(), Map.of())),
                "echo local",
                Duration.ZERO,
                RunPolicy.defaults(),
                listener,
                new RunControl());
        assertThat(s.results().getFirst().stdout()).isEqualTo("local\n");
        assertThat(s.allSucceeded()).isTrue();
    }
}
