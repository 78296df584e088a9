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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** known_hosts markers, names and concurrent recording, against in-process servers. */
class KnownHostsCheckTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(2);

    @RegisterExtension
    static SshConnectorExtension ssh = new SshConnectorExtension();

    static FleetHost fleetHost(int i) {
        return fleetExtension.fleet().hosts().get(i);
    }

    static Host host(int i, Map<String, Object> data) {
        return FleetHosts.host(fleetExtension.fleet(), fleetHost(i).name(), data);
    }

    static String keyText() {
        return PublicKeyEntry.toString(fleetExtension.fleet().hostKey());
    }

    @Test
    void aRevokedKeyIsRefusedNamingTheLineAndIsNotRetried(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("known_hosts");
        String name = "[127.0.0.1]:" + fleetHost(0).port();
        Files.writeString(file, "# pinned\n" + name + " " + keyText() + "\n@revoked " + name + " " + keyText() + "\n");
        Host h = host(0, Map.of(HostKeys.SSH_KNOWN_HOSTS_FILE, file.toString(), HostKeys.SSH_CONNECT_RETRIES, 3));
        fleetExtension.fleet().clearHistory();
        assertThatThrownBy(() -> ssh.connector().connect(h))
                .isInstanceOfSatisfying(UnreachableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(UnreachableException.Reason.HOST_KEY_REVOKED);
                    assertThat(e.reason().retryable()).isFalse();
                })
                .hasMessageStartingWith("host key of " + name + " is marked @revoked in " + file + ":3");
        assertThat(fleetHost(0).sessionsOpened()).isEqualTo(1);
    }

    @Test
    void aLineForTheAddressDoesNotVouchForAHostNamedOtherwise(@TempDir Path dir) throws Exception {
        // The host is reached as "localhost"; only its address, 127.0.0.1, has a line: as in OpenSSH, unknown.
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "[127.0.0.1]:" + fleetHost(0).port() + " " + keyText() + "\n");
        Host h = host(0, Map.of(HostKeys.SSH_HOSTNAME, "localhost", HostKeys.SSH_KNOWN_HOSTS_FILE, file.toString()));
        assertThatThrownBy(() -> ssh.connector().connect(h))
                .isInstanceOfSatisfying(
                        UnreachableException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.HOST_KEY_UNKNOWN))
                .hasMessageContaining("[localhost]:" + fleetHost(0).port());
    }

    @Test
    void manySessionsToOneNewHostRecordItOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("known_hosts");
        Map<String, Object> data = new HashMap<>();
        data.put(HostKeys.SSH_KNOWN_HOSTS_FILE, file.toString());
        data.put(HostKeys.SSH_STRICT_HOST_KEY_CHECKING, "accept-new");
        Host h = host(1, data);
        int sessions = 16;
        CountDownLatch start = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor();
                var many = SshConnector.builder()
                        .policy(new ConnectionPolicy(sessions, sessions))
                        .build()) {
            List<Future<Boolean>> done = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    try (Connection c = many.connect(h)) {
                        return c.run(CommandRequest.of("true"), OutputListener.NONE)
                                .succeeded();
                    }
                }));
            }
            start.countDown();
            for (Future<Boolean> f : done) {
                assertThat(f.get()).isTrue();
            }
        }
        assertThat(Files.readAllLines(file))
                .containsExactly("[127.0.0.1]:" + fleetHost(1).port() + " " + keyText());
    }

    @Test
    void theSystemWideFileIsConsultedButNeverWritten(@TempDir Path dir) throws Exception {
        Path user = Files.createFile(dir.resolve("known_hosts"));
        Path global = dir.resolve("ssh_known_hosts");
        String name = "[127.0.0.1]:" + fleetHost(0).port();
        Files.writeString(global, name + " " + keyText() + "\n");
        System.setProperty(KnownHostsCheck.GLOBAL_FILES_PROPERTY, global.toString());
        SshConnector withGlobal;
        try {
            withGlobal = SshConnector.builder().build();
        } finally {
            System.clearProperty(KnownHostsCheck.GLOBAL_FILES_PROPERTY);
        }
        try (withGlobal) {
            try (Connection c = withGlobal.connect(host(0, Map.of(HostKeys.SSH_KNOWN_HOSTS_FILE, user.toString())))) {
                assertThat(c.run(CommandRequest.of("true"), OutputListener.NONE).succeeded())
                        .isTrue();
            }
            // A key pinned centrally is not replaced by accept-new either.
            fleetExtension.fleet().host(fleetHost(0).name()).fault(dev.jinfra.testkit.Fault.CHANGED_HOST_KEY);
            Host acceptNew = host(
                    0,
                    Map.of(
                            HostKeys.SSH_KNOWN_HOSTS_FILE,
                            user.toString(),
                            HostKeys.SSH_STRICT_HOST_KEY_CHECKING,
                            "accept-new"));
            try {
                assertThatThrownBy(() -> withGlobal.connect(acceptNew))
                        .isInstanceOfSatisfying(
                                UnreachableException.class,
                                e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.HOST_KEY_CHANGED))
                        .hasMessageContaining(global + ":1");
            } finally {
                fleetExtension.fleet().clearFaults();
            }
        }
        assertThat(Files.readString(user)).isEmpty();
    }
}
