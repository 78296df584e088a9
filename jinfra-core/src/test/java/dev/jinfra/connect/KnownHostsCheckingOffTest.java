package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostKeys;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testkit.Fault;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ssh_strict_host_key_checking=no}: every key goes, but a contradicted one gets no password. */
class KnownHostsCheckingOffTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(2).configure(b -> b.password("secret"));

    Host host(int i, Path knownHosts) {
        var fleet = fleetExtension.fleet();
        return FleetHosts.host(
                fleet,
                fleet.hostNames().get(i),
                Map.of(
                        HostKeys.SSH_KEY,
                        List.of(),
                        HostKeys.SSH_PASSWORD,
                        "secret",
                        HostKeys.SSH_STRICT_HOST_KEY_CHECKING,
                        "no",
                        HostKeys.SSH_KNOWN_HOSTS_FILE,
                        knownHosts.toString()));
    }

    @Test
    void aChangedKeyIsWarnedAboutAndGetsNoPassword() {
        fleetExtension.fleet().host(fleetExtension.fleet().hostNames().get(0)).fault(Fault.CHANGED_HOST_KEY);
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (var connector = SshConnector.builder().warnings(warnings::add).build()) {
            assertThatThrownBy(() -> connector.connect(host(0, fleetExtension.knownHostsFile())))
                    .isInstanceOfSatisfying(
                            UnreachableException.class,
                            e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.AUTH_FAILED));
        }
        assertThat(warnings).singleElement().asString().contains("host key changed", "without offering a password");
    }

    @Test
    void anUnknownKeyLogsInWithThePasswordAndIsNotRecorded(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("known_hosts"));
        try (var connector = SshConnector.builder().build();
                Connection c = connector.connect(host(1, empty))) {
            assertThat(c.run(CommandRequest.of("true"), OutputListener.NONE).succeeded())
                    .isTrue();
        }
        assertThat(Files.readString(empty)).isEmpty();
    }
}
