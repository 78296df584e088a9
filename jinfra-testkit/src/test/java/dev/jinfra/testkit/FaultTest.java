package dev.jinfra.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.security.PublicKey;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientSession.ClientSessionEvent;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultTest {

    private static final Duration SHORT = Duration.ofMillis(300);

    @RegisterExtension
    static SshFleetExtension fleet = SshFleetExtension.hosts(4);

    static TestClient client;

    @BeforeAll
    static void connectClient() {
        client = new TestClient(fleet.fleet());
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Test
    void refusedHostFailsFastAndRecoversWhenCleared() throws IOException {
        FleetHost host = fleet.host("web-001").fault(Fault.REFUSE);

        assertThatThrownBy(() -> SocketChannel.open(host.socketAddress()).close())
                .isInstanceOf(ConnectException.class);

        host.clearFaults();
        assertThat(client.run(host, "echo back").stdout()).isEqualTo("back\n");
    }

    @Test
    void hangingConnectAcceptsTcpButNeverSendsABanner() throws IOException {
        FleetHost host = fleet.host("web-002").fault(Fault.HANG_CONNECT);

        try (Socket socket = new Socket()) {
            socket.connect(host.socketAddress(), (int) SHORT.toMillis());
            socket.setSoTimeout((int) SHORT.toMillis());
            InputStream in = socket.getInputStream();
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
        }
        assertThat(host.sessionsOpened()).isZero();

        host.clearFault(Fault.HANG_CONNECT);
        assertThat(client.run(host, "echo back").stdout()).isEqualTo("back\n");
    }

    @Test
    void hangingCommandNeverFinishes() throws IOException {
        FleetHost host = fleet.host("web-003").fault(Fault.HANG_COMMAND);

        try (ClientSession session = client.login(host);
                ChannelExec channel = session.createExecChannel("echo never")) {
            channel.open().verify(TestClient.TIMEOUT);
            Set<ClientChannelEvent> events =
                    channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED, ClientChannelEvent.EXIT_STATUS), SHORT);

            assertThat(events).contains(ClientChannelEvent.TIMEOUT).doesNotContain(ClientChannelEvent.EXIT_STATUS);
        }
        assertThat(host.commands()).containsExactly("echo never");
    }

    @Test
    void slowHostDelaysItsCommands() throws IOException {
        FleetHost host = fleet.host("web-004").fault(Fault.slow(SHORT));

        long started = System.nanoTime();
        TestClient.Result result = client.run(host, "echo late");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(SHORT);
        assertThat(result.stdout()).isEqualTo("late\n");
        assertThat(result.exitStatus()).isZero();
    }

    @Test
    void droppedSessionDeliversSomeOutputButNoExitStatus() throws IOException {
        FleetHost host = fleet.host("web-001").fault(Fault.DROP_MID_COMMAND);

        long started;
        try (ClientSession session = client.login(host)) {
            // Timed from after the login, so a slow machine's handshake does not count against the command.
            started = System.nanoTime();
            TestClient.Result result = TestClient.run(session, "echo partial; sleep 5; echo rest", "");

            assertThat(result.stdout()).isEqualTo("partial\n");
            assertThat(result.exitStatus()).isNull();
            assertThat(session.waitFor(EnumSet.of(ClientSessionEvent.CLOSED), TestClient.TIMEOUT))
                    .contains(ClientSessionEvent.CLOSED);
        }
        // The sleep was killed with the session rather than waited for (waiting would take 5 s at least).
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void changedHostKeyIsNotTheOneInKnownHosts() throws IOException {
        FleetHost host = fleet.host("web-002").fault(Fault.CHANGED_HOST_KEY);

        assertThatThrownBy(() -> client.login(host).close()).isInstanceOf(IOException.class);

        AtomicReference<PublicKey> served = new AtomicReference<>();
        try (TestClient trusting = new TestClient(fleet.fleet(), (session, address, key) -> {
            served.set(key);
            return true;
        })) {
            trusting.login(host).close();

            assertThat(KeyUtils.getFingerPrint(served.get())).isNotEqualTo(host.hostKeyFingerprint());
            assertThat(KeyUtils.compareKeys(served.get(), fleet.fleet().changedHostKey()))
                    .isTrue();
        }

        host.clearFaults();
        assertThat(client.run(host, "echo trusted").stdout()).isEqualTo("trusted\n");
    }

    @Test
    void failingAuthRejectsTheRightKey() {
        FleetHost host = fleet.host("web-003").fault(Fault.FAIL_AUTH);

        assertThatThrownBy(() -> client.login(host).close()).isInstanceOf(IOException.class);
        assertThat(host.sessionsOpened()).isEqualTo(1);
        assertThat(host.commands()).isEmpty();
    }

    @Test
    void faultsAreClearedBeforeEachTest() {
        assertThat(fleet.hosts()).allSatisfy(host -> {
            assertThat(host.faults()).isEmpty();
            assertThat(host.commands()).isEmpty();
            assertThat(host.sessionsOpened()).isZero();
        });
    }
}
