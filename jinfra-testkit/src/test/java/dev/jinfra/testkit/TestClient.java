package dev.jinfra.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;

/** A MINA SSH client that trusts only a fleet's known_hosts file and logs in with its client key file. */
final class TestClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    record Result(String stdout, String stderr, Integer exitStatus) {}

    private final SshClient client;
    private final KeyPair clientKey;

    TestClient(SshFleet fleet) {
        this(fleet, new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, fleet.knownHostsFile()));
    }

    TestClient(SshFleet fleet, ServerKeyVerifier verifier) {
        this.clientKey = readKey(fleet.clientKeyFile());
        this.client = SshClient.setUpDefaultClient();
        // Without TCP_NODELAY every command waits for delayed ACKs on loopback.
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        client.setServerKeyVerifier(verifier);
        client.start();
    }

    SshClient client() {
        return client;
    }

    /** Connects and logs in as root with the fleet's key. */
    ClientSession login(FleetHost host) throws IOException {
        ClientSession session = connect(host);
        session.addPublicKeyIdentity(clientKey);
        session.auth().verify(TIMEOUT);
        return session;
    }

    ClientSession connect(FleetHost host) throws IOException {
        return client.connect("root", host.address(), host.port())
                .verify(TIMEOUT)
                .getSession();
    }

    Result run(FleetHost host, String command) throws IOException {
        try (ClientSession session = login(host)) {
            return run(session, command, "");
        }
    }

    static Result run(ClientSession session, String command, String stdin) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ChannelExec channel = session.createExecChannel(command)) {
            if (!stdin.isEmpty()) {
                // MINA pumps stdin with a thread per channel; most commands need none.
                channel.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            }
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(TIMEOUT);
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
            if (events.contains(ClientChannelEvent.TIMEOUT)) {
                throw new IllegalStateException("command did not finish: " + command);
            }
            return new Result(
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8),
                    channel.getExitStatus());
        }
    }

    private static KeyPair readKey(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()), in, null)
                    .iterator()
                    .next();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    @Override
    public void close() {
        client.stop();
    }
}
