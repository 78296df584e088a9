package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostKeys;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testkit.SshFleet;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logging in with keys held by a real OpenSSH ssh-agent. Hosts here list no key files at all (an empty
 * {@code ssh_key}), so nothing but the agent can satisfy authentication, whatever is in ~/.ssh.
 */
class SshAgentAuthTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(2);

    @TempDir
    static Path dir;

    /** Holds the fleet's client key. */
    static OpenSshTools.Agent fleetKeyAgent;
    /** Holds only an RSA key the fleet does not accept. */
    static OpenSshTools.Agent rsaAgent;

    static Path rsaKey;

    @BeforeAll
    static void startAgents() throws Exception {
        fleetKeyAgent = new OpenSshTools.Agent(dir.resolve("fleet.sock"));
        rsaAgent = new OpenSshTools.Agent(dir.resolve("rsa.sock"));
        rsaKey = dir.resolve("id_rsa");
        OpenSshTools.run(
                "ssh-keygen",
                "-q",
                "-t",
                "rsa",
                "-b",
                "2048",
                "-N",
                "",
                "-C",
                "jinfra-test-rsa",
                "-f",
                rsaKey.toString());
        rsaAgent.add(rsaKey);
    }

    @AfterAll
    static void stopAgents() {
        if (fleetKeyAgent != null) {
            fleetKeyAgent.close();
        }
        if (rsaAgent != null) {
            rsaAgent.close();
        }
    }

    SshFleet fleet() {
        return fleetExtension.fleet();
    }

    Host hostWithoutKeyFiles(int i) {
        return FleetHosts.host(fleet(), fleet().hostNames().get(i), Map.of(HostKeys.SSH_KEY, List.of()));
    }

    @Test
    void aKeyHeldOnlyByTheAgentLogsIn() throws Exception {
        fleetKeyAgent.add(fleet().clientKeyFile());
        assertThat(fleetKeyAgent.listedKeys()).hasSize(1);
        fleet().hosts().get(0).clearHistory();
        try (var connector =
                        SshConnector.builder().agentSocket(fleetKeyAgent.socket).build();
                Connection c = connector.connect(hostWithoutKeyFiles(0))) {
            assertThat(c.run(CommandRequest.of("echo via agent"), OutputListener.NONE)
                            .stdout())
                    .isEqualTo("via agent\n");
        }
        // An agent's key is asked about before it signs (a key file's is not: SignedFirstPublicKeyAuthTest).
        assertThat(fleet().hosts().get(0).keyChecks()).isEqualTo(2);
    }

    @Test
    void anAgentWithoutAnAcceptedKeyIsAnAuthenticationFailure() {
        try (var connector = SshConnector.builder().agentSocket(rsaAgent.socket).build()) {
            assertThatThrownBy(() -> connector.connect(hostWithoutKeyFiles(1)))
                    .isInstanceOfSatisfying(
                            UnreachableException.class,
                            e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.AUTH_FAILED));
        }
    }

    @Test
    void anRsaKeyInTheAgentSignsWithTheSha2AlgorithmAskedFor() throws Exception {
        SshAgent agent = new SshAgentClient(rsaAgent.socket).createClient(null, null);
        var identities = agent.getIdentities().iterator();
        var identity = identities.next();
        assertThat(identities.hasNext()).isFalse();
        assertThat(identity.getValue()).isEqualTo("jinfra-test-rsa");
        PublicKey key = identity.getKey();
        assertThat(key).isInstanceOf(RSAPublicKey.class);
        byte[] data = "session data to sign".getBytes(StandardCharsets.UTF_8);
        for (var alg : Map.of(
                        KeyUtils.RSA_SHA256_KEY_TYPE_ALIAS,
                        "SHA256withRSA",
                        KeyUtils.RSA_SHA512_KEY_TYPE_ALIAS,
                        "SHA512withRSA")
                .entrySet()) {
            var signed = agent.sign(null, key, alg.getKey(), data);
            assertThat(signed.getKey()).isEqualTo(alg.getKey());
            Signature verify = Signature.getInstance(alg.getValue());
            verify.initVerify(key);
            verify.update(data);
            assertThat(verify.verify(signed.getValue())).as(alg.getKey()).isTrue();
        }
    }

    @Test
    void aDeadAgentDoesNotStopAKeyFileFromLoggingIn() throws Exception {
        // SSH_AUTH_SOCK often outlives its agent (a closed terminal, a stale tmux session).
        Path gone = dir.resolve("gone.sock");
        try (var connector = SshConnector.builder().agentSocket(gone).build();
                Connection c = connector.connect(
                        FleetHosts.host(fleet(), fleet().hostNames().get(1)))) {
            assertThat(c.run(CommandRequest.of("echo by key file"), OutputListener.NONE)
                            .stdout())
                    .isEqualTo("by key file\n");
        }
    }
}
