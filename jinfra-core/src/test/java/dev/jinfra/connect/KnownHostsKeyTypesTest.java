package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostKeys;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testing.SshConnectorExtension;
import dev.jinfra.testkit.FleetHost;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hosts with a key of each of two types, as sshd has by default: known_hosts usually lists only one of them
 * (the one OpenSSH prefers), and a key of the other type is not a changed key.
 */
class KnownHostsKeyTypesTest {
    static final KeyPair ECDSA = ecdsa();

    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(1).configure(b -> b.extraHostKey(ECDSA));

    @RegisterExtension
    static SshConnectorExtension ssh = new SshConnectorExtension();

    static KeyPair ecdsa() {
        try {
            return KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Host host(Path knownHosts, String line) throws Exception {
        Files.writeString(knownHosts, line + "\n");
        var fleet = fleetExtension.fleet();
        return FleetHosts.host(
                fleet, fleet.hostNames().get(0), Map.of(HostKeys.SSH_KNOWN_HOSTS_FILE, knownHosts.toString()));
    }

    String lineFor(PublicKey key) {
        FleetHost h = fleetExtension.fleet().hosts().get(0);
        return "[" + h.address() + "]:" + h.port() + " " + PublicKeyEntry.toString(key);
    }

    void connects(Host h) throws Exception {
        try (Connection c = ssh.connector().connect(h)) {
            assertThat(c.run(CommandRequest.of("true"), OutputListener.NONE).succeeded())
                    .isTrue();
        }
    }

    @Test
    void onlyTheEd25519LineIsEnough(@TempDir Path dir) throws Exception {
        PublicKey ed25519 = fleetExtension.fleet().hostKey();
        assertThat(KeyUtils.getKeyType(ed25519)).isEqualTo(KeyPairProvider.SSH_ED25519);
        connects(host(dir.resolve("known_hosts"), lineFor(ed25519)));
    }

    @Test
    void onlyTheEcdsaLineIsEnough(@TempDir Path dir) throws Exception {
        connects(host(dir.resolve("known_hosts"), lineFor(ECDSA.getPublic())));
    }

    @Test
    void aWrongKeyOfAKnownTypeIsAChangedKey(@TempDir Path dir) throws Exception {
        Host h = host(dir.resolve("known_hosts"), lineFor(fleetExtension.fleet().changedHostKey()));
        assertThatThrownBy(() -> ssh.connector().connect(h))
                .isInstanceOfSatisfying(
                        UnreachableException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.HOST_KEY_CHANGED))
                .hasMessageContaining(dir.resolve("known_hosts") + ":1");
    }

    @Test
    void aKeyOfATypeWithNoLineIsUnknownNotChanged(@TempDir Path dir) throws Exception {
        // known_hosts has an RSA key for the host, which serves none: its ecdsa key has no line of its type.
        String unrelated = "[" + fleetExtension.fleet().hosts().get(0).address() + "]:"
                + fleetExtension.fleet().hosts().get(0).port() + " "
                + PublicKeyEntry.toString(
                        KeyUtils.generateKeyPair(KeyPairProvider.SSH_RSA, 2048).getPublic());
        Host h = host(dir.resolve("known_hosts"), unrelated);
        assertThatThrownBy(() -> ssh.connector().connect(h))
                .isInstanceOfSatisfying(
                        UnreachableException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.HOST_KEY_UNKNOWN));
    }
}
