package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostKeys;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testkit.SshFleet;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default keys (~/.ssh/id_*, used when a host names none) when one cannot be decrypted. Home is a
 * temporary directory for these tests, whose ~/.ssh/id_ed25519 is the fleet's client key encrypted with a
 * passphrase no one gives, so that key never logs in: what does is ssh-agent or a password.
 */
class DefaultKeyTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension =
            SshFleetExtension.of(SshFleet.builder().hosts(2).password("fleet-secret"));

    @TempDir
    static Path home;

    static String realHome;
    static Path defaultKey;
    static OpenSshTools.Agent agent;

    @BeforeAll
    static void encryptedDefaultKeyAndAnAgent() throws Exception {
        defaultKey = Files.createDirectories(home.resolve(".ssh")).resolve("id_ed25519");
        // ssh-keygen refuses keys others can read; the copy keeps the original's owner-only permissions.
        Files.copy(fleetExtension.clientKeyFile(), defaultKey, StandardCopyOption.COPY_ATTRIBUTES);
        OpenSshTools.run("ssh-keygen", "-q", "-p", "-P", "", "-N", "not-given", "-f", defaultKey.toString());
        agent = new OpenSshTools.Agent(home.resolve("agent.sock"));
        agent.add(fleetExtension.clientKeyFile());
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @AfterAll
    static void restore() {
        System.setProperty("user.home", realHome);
        if (agent != null) {
            agent.close();
        }
    }

    /** A fleet host that names no key file, so the default ones apply. */
    static Host hostWithDefaultKeys(int i, Map<String, Object> extra) {
        var fleet = fleetExtension.fleet();
        var data =
                new HashMap<>(FleetHosts.host(fleet, fleet.hostNames().get(i)).data());
        data.remove(HostKeys.SSH_KEY);
        data.putAll(extra);
        return new Host(fleet.hostNames().get(i), List.of(), data);
    }

    static PassphraseSource counting(AtomicInteger asked) {
        return key -> {
            asked.incrementAndGet();
            return null;
        };
    }

    static void runsOnEveryHost(SshConnector connector, Map<String, Object> extra) throws Exception {
        for (int i = 0; i < 2; i++) {
            try (Connection c = connector.connect(hostWithDefaultKeys(i, extra))) {
                assertThat(c.run(CommandRequest.of("echo in"), OutputListener.NONE)
                                .stdout())
                        .isEqualTo("in\n");
            }
        }
    }

    @Test
    void theAgentLogsInAndNoOneIsAskedForTheDefaultKeysPassphrase() throws Exception {
        assertThat(SshSettings.resolve(hostWithDefaultKeys(0, Map.of()), SshConfigFile.EMPTY)
                        .keyFiles())
                .containsExactly(defaultKey);
        var asked = new AtomicInteger();
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (var connector = SshConnector.builder()
                .agentSocket(agent.socket)
                .passphrases(counting(asked))
                .warnings(warnings::add)
                .build()) {
            runsOnEveryHost(connector, Map.of());
        }
        assertThat(asked)
                .as("ssh-agent holds keys: they are tried first, as by OpenSSH")
                .hasValue(0);
        assertThat(warnings)
                .singleElement()
                .asString()
                .startsWith(
                        "skipping default key: private key " + defaultKey + " is encrypted, and ssh-agent holds keys");
    }

    @Test
    void withoutAnAgentTheUndecryptableDefaultKeyIsSkippedOnceAndAPasswordLogsIn() throws Exception {
        var asked = new AtomicInteger();
        List<String> warnings = new ArrayList<>();
        try (var connector = SshConnector.builder()
                .agentSocket(home.resolve("no-agent.sock"))
                .passphrases(counting(asked))
                .warnings(warnings::add)
                .build()) {
            runsOnEveryHost(connector, Map.of(HostKeys.SSH_PASSWORD, "fleet-secret"));
        }
        assertThat(asked).as("asked once, got no answer (no terminal)").hasValue(1);
        assertThat(warnings)
                .singleElement()
                .asString()
                .isEqualTo("skipping default key: private key " + defaultKey
                        + " is encrypted and no passphrase was given: set " + PassphraseSource.DEFAULT_ENV
                        + " (or name another variable in ssh_key_password_env)");
    }

    @Test
    void theSameKeyNamedOnPurposeStillFailsTheHost() {
        try (var connector = SshConnector.builder().agentSocket(agent.socket).build()) {
            assertThatThrownBy(() ->
                            connector.connect(hostWithDefaultKeys(0, Map.of(HostKeys.SSH_KEY, defaultKey.toString()))))
                    .isInstanceOfSatisfying(
                            UnreachableException.class,
                            e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.KEY_UNREADABLE))
                    .hasMessageContaining(defaultKey.toString())
                    .hasMessageContaining("encrypted");
        }
    }
}
