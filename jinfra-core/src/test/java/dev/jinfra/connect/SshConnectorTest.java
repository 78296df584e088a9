package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostKeys;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testkit.Fault;
import dev.jinfra.testkit.SshFleet;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SshConnectorTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(6);

    static SshConnector connector;

    @BeforeAll
    static void startConnector() {
        connector = SshConnector.builder().build();
    }

    @AfterAll
    static void stopConnector() {
        connector.close();
    }

    SshFleet fleet() {
        return fleetExtension.fleet();
    }

    String name(int i) {
        return fleet().hostNames().get(i);
    }

    @Test
    void runsCommandsWithTheHostsIdentityAndExitStatus() throws Exception {
        try (Connection c = connector.connect(FleetHosts.host(fleet(), name(0)))) {
            CommandResult r =
                    c.run(CommandRequest.of("echo \"I am $FLEET_HOST\"; echo oops >&2; exit 3"), OutputListener.NONE);
            assertThat(r.outcome()).isEqualTo(CommandResult.Outcome.EXITED);
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.stdout()).isEqualTo("I am " + name(0) + "\n");
            assertThat(r.stderr()).isEqualTo("oops\n");
        }
    }

    @Test
    void oneSessionServesManyCommands() throws Exception {
        try (Connection c = connector.connect(FleetHosts.host(fleet(), name(1)))) {
            for (int i = 0; i < 3; i++) {
                assertThat(c.run(CommandRequest.of("echo " + i), OutputListener.NONE)
                                .stdout())
                        .isEqualTo(i + "\n");
            }
        }
        assertThat(fleet().host(name(1)).sessionsOpened()).isEqualTo(1);
        assertThat(fleet().host(name(1)).commands()).hasSize(3);
    }

    @Test
    void stdinReachesTheCommandAndIsClosed() throws Exception {
        try (Connection c = connector.connect(FleetHosts.host(fleet(), name(0)))) {
            var r = c.run(
                    CommandRequest.of("cat; echo end").withStdin("line one\nzwei\n".getBytes(StandardCharsets.UTF_8)),
                    OutputListener.NONE);
            assertThat(r.stdout()).isEqualTo("line one\nzwei\nend\n");
            // Without stdin the command sees end-of-file at once instead of waiting.
            assertThat(c.run(
                                    CommandRequest.of("cat; echo done").withTimeout(Duration.ofSeconds(5)),
                                    OutputListener.NONE)
                            .stdout())
                    .isEqualTo("done\n");
        }
    }

    @Test
    void outputLinesAreHeardAsTheyArrive() throws Exception {
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Connection c = connector.connect(FleetHosts.host(fleet(), name(0)))) {
            c.run(CommandRequest.of("printf 'a\\nb\\n'; printf 'c' >&2"), (s, line) -> heard.add(s + ":" + line));
        }
        assertThat(heard).containsExactlyInAnyOrder("STDOUT:a", "STDOUT:b", "STDERR:c");
    }

    @Test
    void aRefusedConnectionIsUnreachableAtOnce() {
        fleet().host(name(2)).fault(Fault.REFUSE);
        assertThatThrownBy(() -> connector.connect(FleetHosts.host(fleet(), name(2))))
                .isInstanceOfSatisfying(
                        UnreachableException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.REFUSED))
                .hasMessage("connection refused");
    }

    @Test
    void aHostNameThatDoesNotResolveIsSaidInWords() {
        var h = FleetHosts.host(fleet(), name(5), Map.of(HostKeys.SSH_HOSTNAME, "web-9.invalid"));
        assertThatThrownBy(() -> connector.connect(h))
                .isInstanceOf(UnreachableException.class)
                .hasMessage("cannot resolve host name 'web-9.invalid'")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() {
        fleet().host(name(3)).fault(Fault.HANG_CONNECT);
        long start = System.nanoTime();
        assertThatThrownBy(() ->
                        connector.connect(FleetHosts.host(fleet(), name(3), Map.of(HostKeys.SSH_CONNECT_TIMEOUT, 1))))
                .isInstanceOfSatisfying(
                        UnreachableException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aChangedHostKeyIsRefusedWithBothFingerprints() {
        fleet().host(name(4)).fault(Fault.CHANGED_HOST_KEY);
        assertThatThrownBy(() -> connector.connect(FleetHosts.host(fleet(), name(4))))
                .isInstanceOfSatisfying(
                        UnreachableException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.HOST_KEY_CHANGED))
                .hasMessageStartingWith("host key changed: known_hosts has SHA256:")
                .hasMessageContaining("the server offers SHA256:");
    }

    @Test
    void aChangedHostKeyIsRefusedEvenWhenNewKeysAreAccepted() {
        fleet().host(name(4)).fault(Fault.CHANGED_HOST_KEY);
        Host h = FleetHosts.host(fleet(), name(4), Map.of(HostKeys.SSH_STRICT_HOST_KEY_CHECKING, "accept-new"));
        assertThatThrownBy(() -> connector.connect(h))
                .isInstanceOfSatisfying(
                        UnreachableException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.HOST_KEY_CHANGED));
    }

    @Test
    void anUnknownHostKeyIsRefusedByDefault(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("known_hosts"));
        Host h = FleetHosts.host(fleet(), name(0), Map.of(HostKeys.SSH_KNOWN_HOSTS_FILE, empty.toString()));
        assertThatThrownBy(() -> connector.connect(h))
                .isInstanceOfSatisfying(
                        UnreachableException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.HOST_KEY_UNKNOWN))
                .hasMessageContaining("host key unknown");
        assertThat(Files.readString(empty)).isEmpty();
    }

    @Test
    void acceptNewRecordsEveryHostOnceEvenWhenAllConnectAtOnce(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("known_hosts"));
        List<Host> hosts = new ArrayList<>();
        for (String n : fleet().hostNames()) {
            hosts.add(FleetHosts.host(
                    fleet(),
                    n,
                    Map.of(
                            HostKeys.SSH_KNOWN_HOSTS_FILE,
                            file.toString(),
                            HostKeys.SSH_STRICT_HOST_KEY_CHECKING,
                            "accept-new")));
        }
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (Host h : hosts) {
                done.add(pool.submit(() -> {
                    try (Connection c = connector.connect(h)) {
                        return c.run(CommandRequest.of("true"), OutputListener.NONE)
                                .exitCode();
                    }
                }));
            }
            for (Future<?> f : done) {
                assertThat(f.get()).isEqualTo(0);
            }
        }
        List<String> lines =
                Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(hosts.size());
        // Connecting again at once (the file is looked at no more than once a second) finds the recorded keys
        // in memory: nothing is written twice, and a key that changed since is refused, not recorded again.
        for (Host h : hosts.subList(0, 3)) {
            try (Connection c = connector.connect(h)) {
                assertThat(c.run(CommandRequest.of("true"), OutputListener.NONE).succeeded())
                        .isTrue();
            }
        }
        fleet().host(name(3)).fault(Fault.CHANGED_HOST_KEY);
        try {
            assertThatThrownBy(() -> connector.connect(hosts.get(3)))
                    .isInstanceOfSatisfying(
                            UnreachableException.class,
                            e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.HOST_KEY_CHANGED));
        } finally {
            fleet().host(name(3)).clearFault(Fault.CHANGED_HOST_KEY);
        }
        assertThat(Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList())
                .isEqualTo(lines);
        // What was recorded is now trusted under strict checking, through a fresh connector.
        try (var strict = SshConnector.builder().build();
                Connection c = strict.connect(
                        FleetHosts.host(fleet(), name(5), Map.of(HostKeys.SSH_KNOWN_HOSTS_FILE, file.toString())))) {
            assertThat(c.run(CommandRequest.of("true"), OutputListener.NONE).succeeded())
                    .isTrue();
        }
    }

    @Test
    void refusedCredentialsAreAnAuthenticationFailure() {
        fleet().host(name(5)).fault(Fault.FAIL_AUTH);
        assertThatThrownBy(() -> connector.connect(FleetHosts.host(fleet(), name(5))))
                .isInstanceOfSatisfying(
                        UnreachableException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.AUTH_FAILED))
                .hasMessageStartingWith("authentication failed for user " + fleet().user()
                        + ": the server refused 1 key from " + fleet().clientKeyFile())
                .hasMessageContaining("give a key with -i FILE (ssh_key)")
                .hasMessageNotContaining("No more authentication methods");
    }

    @Test
    void aMissingKeyFileIsReportedAsSuch() {
        Host h = FleetHosts.host(fleet(), name(0), Map.of(HostKeys.SSH_KEY, "/nonexistent/id_ed25519"));
        assertThatThrownBy(() -> connector.connect(h))
                .isInstanceOfSatisfying(
                        UnreachableException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.KEY_UNREADABLE))
                .hasMessageContaining("/nonexistent/id_ed25519");
    }

    @Test
    void aCommandThatRunsTooLongTimesOut() throws Exception {
        fleet().host(name(1)).fault(Fault.HANG_COMMAND);
        try (Connection c = connector.connect(FleetHosts.host(fleet(), name(1)))) {
            var r = c.run(CommandRequest.of("true").withTimeout(Duration.ofMillis(500)), OutputListener.NONE);
            assertThat(r.outcome()).isEqualTo(CommandResult.Outcome.TIMED_OUT);
        }
    }

    @Test
    void aCommandOnASessionThisSideClosedEndsWithoutANoteOfItsOwn() throws Exception {
        // What Ctrl-C does: the run closes every open session, possibly while a command is starting on it.
        Connection c = connector.connect(FleetHosts.host(fleet(), name(3)));
        c.close();
        var r = c.run(CommandRequest.of("echo never"), OutputListener.NONE);
        assertThat(r.outcome()).isEqualTo(CommandResult.Outcome.CONNECTION_LOST);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void aSessionDroppedMidCommandIsAConnectionLost() throws Exception {
        fleet().host(name(2)).fault(Fault.DROP_MID_COMMAND);
        try (Connection c = connector.connect(FleetHosts.host(fleet(), name(2)))) {
            var r = c.run(
                    CommandRequest.of("echo started; sleep 5; echo never").withTimeout(Duration.ofSeconds(10)),
                    OutputListener.NONE);
            assertThat(r.outcome()).isEqualTo(CommandResult.Outcome.CONNECTION_LOST);
            assertThat(r.exitCode()).isEqualTo(-1);
        }
    }

    @Test
    void aCommandWhoseChannelStaysOpenAfterItsExitStatusEndsWithThatStatus() throws Exception {
        fleet().host(name(3)).fault(Fault.KEEP_OPEN_AFTER_EXIT);
        try (Connection c = connector.connect(FleetHosts.host(fleet(), name(3)))) {
            long start = System.nanoTime();
            var r = c.run(CommandRequest.of("echo done; exit 3"), OutputListener.NONE);
            assertThat(r.outcome()).isEqualTo(CommandResult.Outcome.EXITED);
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.stdout()).isEqualTo("done\n");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(SshConnection.CLOSE_AFTER_EXIT.plusSeconds(5));
            // The session is still good for the next command.
            fleet().host(name(3)).clearFaults();
            assertThat(c.run(CommandRequest.of("true"), OutputListener.NONE).succeeded())
                    .isTrue();
        }
    }

    @Test
    void aChosenKeyExchangeIsUsed() throws Exception {
        Host h = FleetHosts.host(fleet(), name(0), Map.of(HostKeys.SSH_KEX_ALGORITHMS, "curve25519-sha256"));
        try (Connection c = connector.connect(h)) {
            assertThat(c.run(CommandRequest.of("true"), OutputListener.NONE).succeeded())
                    .isTrue();
            assertThat(((SshConnection) c).negotiatedKex()).isEqualTo("curve25519-sha256");
        }
    }

    @Test
    void byDefaultAPostQuantumHybridKeyExchangeIsChosen() throws Exception {
        try (Connection c = connector.connect(FleetHosts.host(fleet(), name(0)))) {
            assertThat(((SshConnection) c).negotiatedKex()).matches("(sntrup761x25519|mlkem768x25519).*");
        }
    }

    @Test
    void sessionsAreBoundedByThePolicy() throws Exception {
        try (var limited =
                SshConnector.builder().policy(new ConnectionPolicy(4, 1)).build()) {
            Connection first = limited.connect(FleetHosts.host(fleet(), name(0)));
            var second = Executors.newVirtualThreadPerTaskExecutor()
                    .submit(() -> limited.connect(FleetHosts.host(fleet(), name(1))));
            Thread.sleep(300);
            assertThat(second.isDone())
                    .as("second session waits for the first to close")
                    .isFalse();
            first.close();
            try (Connection c = second.get()) {
                assertThat(c.host().name()).isEqualTo(name(1));
            }
        }
    }
}
