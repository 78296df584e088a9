package dev.jinfra.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.command.Command;
import dev.jinfra.inventory.Host;
import dev.jinfra.testing.CountingConnector;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testing.SshConnectorExtension;
import dev.jinfra.testkit.SshFleetExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SessionWindowTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(6);

    @RegisterExtension
    static SshConnectorExtension sshExtension = new SshConnectorExtension();

    List<Host> hosts() {
        return FleetHosts.all(fleetExtension.fleet(), Map.of());
    }

    @Test
    void aFullWindowClosesTheLongestIdleSessionToMakeRoom() throws Exception {
        var ssh = new CountingConnector(sshExtension.connector());
        var hosts = hosts();
        try (var window = new SessionWindow(2, h -> ssh, new RunControl(), new StartGate(), n -> {})) {
            window.acquire(hosts.get(0));
            window.acquire(hosts.get(1));
            window.release(hosts.get(0));
            window.release(hosts.get(1));
            // Host 0 has been idle longest: its session makes room for host 2.
            window.acquire(hosts.get(2));
            assertThat(window.current(hosts.get(0))).isNull();
            assertThat(window.current(hosts.get(1))).isNotNull();
            assertThat(ssh.openNow()).isEqualTo(2);
            // An open session is handed out again rather than opened anew.
            assertThat(window.acquire(hosts.get(1))).isSameAs(window.current(hosts.get(1)));
            assertThat(ssh.opened()).isEqualTo(3);
        }
        assertThat(ssh.openNow()).isZero();
    }

    @Test
    void aHostWaitsForAPlaceWhileEverySessionIsInUseAndTheWaitIsHeard() throws Exception {
        var hosts = hosts();
        var waiting = new java.util.concurrent.CopyOnWriteArrayList<Integer>();
        try (var window =
                new SessionWindow(1, h -> sshExtension.connector(), new RunControl(), new StartGate(), waiting::add)) {
            window.acquire(hosts.get(0));
            var second = CompletableFuture.supplyAsync(() -> {
                try {
                    return window.acquire(hosts.get(1));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (waiting.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(waiting).containsExactly(1);
            assertThat(second).isNotDone();
            window.finish(hosts.get(0));
            assertThat(second.get(5, TimeUnit.SECONDS).host()).isEqualTo(hosts.get(1));
            assertThat(waiting).containsExactly(1, 0);
        }
    }

    @Test
    void closingTheGateEndsAWaitForAPlaceAsStopped() throws Exception {
        var hosts = hosts();
        var gate = new StartGate();
        try (var window = new SessionWindow(1, h -> sshExtension.connector(), new RunControl(), gate, n -> {})) {
            window.acquire(hosts.get(0));
            var second = CompletableFuture.supplyAsync(() -> {
                try {
                    window.acquire(hosts.get(1));
                    return "opened";
                } catch (SessionWindow.Stopped e) {
                    return "stopped";
                } catch (Exception e) {
                    return e.toString();
                }
            });
            Thread.sleep(100);
            gate.close();
            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("stopped");
        }
    }

    @Test
    void execOnMoreHostsThanTheWindowRunsEveryHost() {
        var ssh = new CountingConnector(sshExtension.connector());
        var policy = RunPolicy.builder().sessionWindow(2).build();
        RunSummary s = new FleetRunner(h -> ssh)
                .run(
                        hosts(),
                        new ExecWork(Command.shell("sleep 0.05"), null, Duration.ZERO),
                        policy,
                        new RecordingListener(),
                        new RunControl());
        assertThat(s.allSucceeded()).as(s.describe()).isTrue();
        assertThat(ssh.mostOpenAtOnce()).isLessThanOrEqualTo(2);
    }
}
