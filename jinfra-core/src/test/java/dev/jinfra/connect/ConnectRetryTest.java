package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostKeys;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testkit.Fault;
import dev.jinfra.testkit.SshFleetExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code ssh_connect_retries}: what is retried, how often, and with what waits in between. */
class ConnectRetryTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(3);

    /** The waits the connector asked for; each is really waited, so elapsed time shows them too. */
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    SshConnector connector(SshConnector.Pause also) {
        return SshConnector.builder()
                .pause(d -> {
                    waits.add(d);
                    also.sleep(d);
                    Thread.sleep(d);
                })
                .build();
    }

    Host host(int i, int retries) {
        var fleet = fleetExtension.fleet();
        return FleetHosts.host(fleet, fleet.hostNames().get(i), Map.of(HostKeys.SSH_CONNECT_RETRIES, retries));
    }

    @Test
    void aRefusedHostIsTriedOnceAndThenOnceMorePerRetryWithGrowingWaits() {
        fleetExtension.host(fleetExtension.fleet().hostNames().get(0)).fault(Fault.REFUSE);
        long start = System.nanoTime();
        try (var connector = connector(d -> {})) {
            assertThatThrownBy(() -> connector.connect(host(0, 2)))
                    .isInstanceOfSatisfying(
                            UnreachableException.class,
                            e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.REFUSED));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        // Two waits between three attempts; the jittered wait is between half and all of a doubling cap.
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(elapsed)
                .isGreaterThanOrEqualTo(waits.get(0).plus(waits.get(1)))
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aHostThatComesBackWhileWaitingIsConnectedByTheRetry() throws Exception {
        var fh = fleetExtension.host(fleetExtension.fleet().hostNames().get(1)).fault(Fault.REFUSE);
        try (var connector = connector(d -> fh.clearFault(Fault.REFUSE));
                Connection c = connector.connect(host(1, 2))) {
            assertThat(c.run(CommandRequest.of("true"), OutputListener.NONE).succeeded())
                    .isTrue();
        }
        assertThat(waits).hasSize(1);
        assertThat(fh.sessionsOpened()).isEqualTo(1);
    }

    @Test
    void aChangedHostKeyIsNotRetried() {
        var fh = fleetExtension.host(fleetExtension.fleet().hostNames().get(2)).fault(Fault.CHANGED_HOST_KEY);
        try (var connector = connector(d -> {})) {
            assertThatThrownBy(() -> connector.connect(host(2, 2)))
                    .isInstanceOfSatisfying(
                            UnreachableException.class,
                            e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.HOST_KEY_CHANGED));
        }
        assertThat(waits).isEmpty();
        assertThat(fh.sessionsOpened()).isEqualTo(1);
    }

    @Test
    void refusedCredentialsAreNotRetried() {
        var fh = fleetExtension.host(fleetExtension.fleet().hostNames().get(2)).fault(Fault.FAIL_AUTH);
        try (var connector = connector(d -> {})) {
            assertThatThrownBy(() -> connector.connect(host(2, 2)))
                    .isInstanceOfSatisfying(
                            UnreachableException.class,
                            e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.AUTH_FAILED));
        }
        assertThat(waits).isEmpty();
        assertThat(fh.sessionsOpened()).isEqualTo(1);
    }
}
