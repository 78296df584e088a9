package dev.jinfra.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.Test;

class FleetLifecycleTest {

    @Test
    void threeHundredHostsStartQuicklyAndAllAnswer() throws Exception {
        // The first fleet in a JVM pays once for loading MINA and Bouncy Castle; time the fleet, not that.
        SshFleet.builder().hosts(1).start().close();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        long started = System.nanoTime();
        try (SshFleet fleet = SshFleet.builder().hosts(300).namePrefix("db-").start()) {
            Duration startup = Duration.ofNanos(System.nanoTime() - started);
            int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
            System.out.println("300-host fleet started in " + startup.toMillis() + " ms, "
                    + (threadsAfter - threadsBefore) + " new threads");

            assertThat(startup).isLessThan(Duration.ofSeconds(3));
            assertThat(threadsAfter - threadsBefore).isLessThan(20);
            assertThat(fleet.hosts()).hasSize(300);
            assertThat(fleet.hosts().getFirst().name()).isEqualTo("db-001");
            assertThat(fleet.hosts().getLast().name()).isEqualTo("db-300");
            assertThat(Files.readAllLines(fleet.knownHostsFile())).hasSize(300);

            try (TestClient client = new TestClient(fleet);
                    ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
                // The cheapest modern key exchange: 300 handshakes share two CPUs with 300 servers.
                client.client()
                        .setKeyExchangeFactories(client.client().getKeyExchangeFactories().stream()
                                .filter(kex -> kex.getName().equals("curve25519-sha256"))
                                .toList());
                long calling = System.nanoTime();
                List<Future<String>> answers = new ArrayList<>();
                for (FleetHost host : fleet.hosts()) {
                    answers.add(callers.submit(
                            () -> client.run(host, "echo $FLEET_HOST").stdout().strip()));
                }
                for (int i = 0; i < answers.size(); i++) {
                    assertThat(answers.get(i).get(30, TimeUnit.SECONDS))
                            .isEqualTo(fleet.hosts().get(i).name());
                }
                System.out.println("300 hosts answered in " + (System.nanoTime() - calling) / 1_000_000 + " ms");
            }
        }
    }

    @Test
    void closeReleasesPortsAndFilesEvenWithHangingHosts() throws Exception {
        SshFleet fleet = SshFleet.builder().hosts(4).start();
        List<FleetHost> hosts = fleet.hosts();
        Path directory = fleet.directory();
        fleet.host("web-002").fault(Fault.HANG_CONNECT);
        fleet.host("web-003").fault(Fault.REFUSE);
        fleet.host("web-004").fault(Fault.HANG_COMMAND);
        List<Thread> serverThreads = serverThreads();

        try (TestClient client = new TestClient(fleet);
                Socket hanging = new Socket()) {
            hanging.connect(hosts.get(1).socketAddress(), 1000);
            ClientSession session = client.login(hosts.get(3));
            ChannelExec channel = session.createExecChannel("echo never");
            channel.open().verify(TestClient.TIMEOUT);

            long closing = System.nanoTime();
            fleet.close();

            assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(5));
            assertThat(channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TestClient.TIMEOUT))
                    .contains(ClientChannelEvent.CLOSED);
        }
        for (FleetHost host : hosts) {
            assertThatThrownBy(() -> SocketChannel.open(host.socketAddress()).close())
                    .as("port of %s", host.name())
                    .isInstanceOf(ConnectException.class);
        }
        for (Thread thread : serverThreads) {
            thread.join(Duration.ofSeconds(5));
            assertThat(thread.isAlive()).as("thread %s", thread.getName()).isFalse();
        }
        assertThat(directory).doesNotExist();
        fleet.close(); // closing twice is harmless
    }

    @Test
    void faultsCanBeSetBeforeStart() throws IOException {
        try (SshFleet fleet = SshFleet.builder()
                        .hosts(2)
                        .fault("web-002", Fault.REFUSE)
                        .start();
                TestClient client = new TestClient(fleet)) {
            assertThatThrownBy(() -> SocketChannel.open(fleet.host("web-002").socketAddress())
                            .close())
                    .isInstanceOf(ConnectException.class);
            assertThat(client.run(fleet.host("web-001"), "echo up").stdout()).isEqualTo("up\n");

            fleet.host("web-002").clearFaults();
            assertThat(client.run(fleet.host("web-002"), "echo up").stdout()).isEqualTo("up\n");
        }
    }

    @Test
    void unknownHostsAreReported() {
        try (SshFleet fleet = SshFleet.builder().hosts(1).start()) {
            assertThatThrownBy(() -> fleet.host("web-999")).hasMessageContaining("web-001");
        }
        assertThatThrownBy(() ->
                        SshFleet.builder().hosts(2).fault("nope", Fault.REFUSE).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Thread> serverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().contains("MultiPortSshServer"))
                .toList();
    }
}
