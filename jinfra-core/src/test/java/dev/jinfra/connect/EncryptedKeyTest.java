package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostKeys;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Private keys protected by a passphrase. The fleet accepts only its own client key, so the key used here is
 * a copy of it that ssh-keygen re-encrypted with the passphrase "pass".
 */
class EncryptedKeyTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(3);

    @TempDir
    static Path dir;

    static Path encryptedKey;

    @BeforeAll
    static void encryptACopyOfTheFleetKey() throws Exception {
        encryptedKey = dir.resolve("client_key_encrypted");
        // ssh-keygen refuses keys others can read; the copy keeps the original's owner-only permissions.
        Files.copy(fleetExtension.clientKeyFile(), encryptedKey, StandardCopyOption.COPY_ATTRIBUTES);
        OpenSshTools.run("ssh-keygen", "-q", "-p", "-P", "", "-N", "pass", "-f", encryptedKey.toString());
        assertThat(Files.readString(encryptedKey)).contains("BEGIN OPENSSH PRIVATE KEY");
    }

    Host host(int i, Map<String, Object> extra) {
        var data = new java.util.HashMap<String, Object>(extra);
        data.put(HostKeys.SSH_KEY, encryptedKey.toString());
        return FleetHosts.host(
                fleetExtension.fleet(), fleetExtension.fleet().hostNames().get(i), data);
    }

    static PassphraseSource counting(AtomicInteger asked, String answer) {
        return key -> {
            asked.incrementAndGet();
            return answer;
        };
    }

    @Test
    void thePassphraseIsAskedForOnceForAllHostsAndConnections() throws Exception {
        var asked = new AtomicInteger();
        try (var connector = SshConnector.builder()
                        .passphrases(counting(asked, "pass"))
                        .build();
                var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> outputs = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 3; i++) {
                    Host h = host(i, Map.of());
                    outputs.add(pool.submit(() -> {
                        try (Connection c = connector.connect(h)) {
                            return c.run(CommandRequest.of("echo $FLEET_HOST"), OutputListener.NONE)
                                    .stdout();
                        }
                    }));
                }
            }
            for (Future<String> out : outputs) {
                assertThat(out.get()).isNotBlank();
            }
        }
        assertThat(asked).hasValue(1);
    }

    @Test
    void aWrongPassphraseIsReportedAsSuchAndNotAskedAgain() {
        var asked = new AtomicInteger();
        try (var connector =
                SshConnector.builder().passphrases(counting(asked, "guess")).build()) {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> connector.connect(host(0, Map.of())))
                        .isInstanceOfSatisfying(
                                UnreachableException.class,
                                e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.KEY_UNREADABLE))
                        .hasMessageContaining(encryptedKey.toString())
                        .hasMessageContaining("wrong passphrase");
            }
        }
        assertThat(asked).hasValue(1);
    }

    @Test
    void withoutAPassphraseTheMessageSaysHowToGiveOne() {
        try (var connector = SshConnector.builder().build()) {
            assertThatThrownBy(() -> connector.connect(host(1, Map.of())))
                    .isInstanceOfSatisfying(
                            UnreachableException.class,
                            e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.KEY_UNREADABLE))
                    .hasMessageContaining(encryptedKey.toString())
                    .hasMessageContaining("encrypted")
                    .hasMessageContaining(PassphraseSource.DEFAULT_ENV);
        }
    }

    @Test
    void theVariableNamedBySshKeyPasswordEnvIsReadBeforeAnyoneIsAsked() {
        // Tests cannot set environment variables, so this names one that exists with another value: PATH is
        // used as the passphrase, proving it was read, and is wrong, so the key stays locked.
        assertThat(System.getenv("PATH")).isNotEmpty();
        var asked = new AtomicInteger();
        try (var connector =
                SshConnector.builder().passphrases(counting(asked, "pass")).build()) {
            assertThatThrownBy(() -> connector.connect(host(2, Map.of(HostKeys.SSH_KEY_PASSWORD_ENV, "PATH"))))
                    .isInstanceOfSatisfying(
                            UnreachableException.class,
                            e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.KEY_UNREADABLE))
                    .hasMessageContaining("wrong passphrase")
                    .hasMessageContaining("PATH");
        }
        assertThat(asked).hasValue(0);
    }
}
