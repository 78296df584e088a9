package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostKeys;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testkit.FleetHost;
import dev.jinfra.testkit.SshFleet;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key file's signature goes with its first request: the host looks the key up once, where a question first
 * (MINA's and OpenSSH's way) made it look twice and cost a round trip. The fleet counts its key lookups.
 */
class SignedFirstPublicKeyAuthTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(2);

    @TempDir
    static Path dir;

    SshFleet fleet() {
        return fleetExtension.fleet();
    }

    String echo(Host h, String text) throws Exception {
        try (var connector = SshConnector.builder().build();
                Connection c = connector.connect(h)) {
            return c.run(CommandRequest.of("echo " + text), OutputListener.NONE).stdout();
        }
    }

    @Test
    void aKeyFileLogsInWithOneLookupOnTheHost() throws Exception {
        FleetHost target = fleet().hosts().get(0);
        target.clearHistory();
        assertThat(echo(FleetHosts.host(fleet(), target.name()), "signed")).isEqualTo("signed\n");
        assertThat(target.keyChecks()).isEqualTo(1);
        assertThat(target.sessionsOpened()).isEqualTo(1);
    }

    @Test
    void aKeyFileTheHostRefusesIsFollowedByTheNextOne() throws Exception {
        Path other = dir.resolve("id_other");
        OpenSshTools.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "not-accepted", "-f", other.toString());
        FleetHost target = fleet().hosts().get(1);
        target.clearHistory();
        Host h = FleetHosts.host(
                fleet(),
                target.name(),
                Map.of(
                        HostKeys.SSH_KEY,
                        List.of(other.toString(), fleet().clientKeyFile().toString())));
        assertThat(echo(h, "second")).isEqualTo("second\n");
        // The refused key once, signed; then the accepted one, signed.
        assertThat(target.keyChecks()).isEqualTo(2);
    }
}
