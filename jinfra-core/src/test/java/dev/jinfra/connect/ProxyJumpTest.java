package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostKeys;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testkit.FleetHost;
import dev.jinfra.testkit.SshFleet;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reaching hosts through jump hosts. The jump hosts are a fleet of their own, so they serve another host key
 * and accept another client key than the targets: a key checked, recorded or offered on the wrong hop fails.
 */
class ProxyJumpTest {
    @RegisterExtension
    static SshFleetExtension targets = SshFleetExtension.hosts(6);

    @RegisterExtension
    static SshFleetExtension jumps =
            SshFleetExtension.of(SshFleet.builder().hosts(2).namePrefix("jump-"));

    @TempDir
    Path dir;

    static FleetHost jumpHost(int i) {
        return jumps.hosts().get(i);
    }

    /** A target host with both fleets' client keys, which are offered to its jump hosts too. */
    static Host target(int i, Map<String, Object> extra) {
        var data = new HashMap<String, Object>(extra);
        data.putIfAbsent(
                HostKeys.SSH_KEY,
                List.of(
                        targets.clientKeyFile().toString(),
                        jumps.clientKeyFile().toString()));
        return FleetHosts.host(targets.fleet(), targets.fleet().hostNames().get(i), data);
    }

    static String echoHostName(SshConnector connector, Host host) throws Exception {
        try (Connection c = connector.connect(host)) {
            return c.run(CommandRequest.of("echo $FLEET_HOST"), OutputListener.NONE)
                    .stdout()
                    .strip();
        }
    }

    /** The fleet's own known_hosts line for one of its hosts. */
    static String knownHostsLine(SshFleetExtension fleet, FleetHost host) throws Exception {
        return Files.readAllLines(fleet.knownHostsFile()).stream()
                .filter(l -> l.startsWith(host.knownHostsName() + " "))
                .findFirst()
                .orElseThrow();
    }

    Path knownHostsOf(String... lines) throws Exception {
        return Files.write(dir.resolve("known_hosts"), List.of(lines));
    }

    static Map<String, Object> with(Map<String, Object> data, String key, Object value) {
        var out = new HashMap<>(data);
        out.put(key, value);
        return out;
    }

    SshConfigFile sshConfig(String text) throws Exception {
        Path file = Files.writeString(dir.resolve("ssh_config"), text);
        return SshConfigFile.load(file, dir, w -> {});
    }

    /** A Host block for jump host {@code i}, with the jump fleet's client key as its IdentityFile. */
    static String jumpBlock(String alias, int i) {
        return "Host " + alias + "\n  HostName 127.0.0.1\n  Port " + jumpHost(i).port() + "\n  User root\n"
                + "  IdentityFile " + jumps.clientKeyFile() + "\n";
    }

    @Test
    void acceptNewRecordsEachHopsKeyUnderItsOwnName() throws Exception {
        Path knownHosts = Files.createFile(dir.resolve("known_hosts"));
        Map<String, Object> data = Map.of(
                HostKeys.SSH_KNOWN_HOSTS_FILE,
                knownHosts.toString(),
                HostKeys.SSH_PROXY_JUMP,
                "root@127.0.0.1:" + jumpHost(0).port());
        String name = targets.fleet().hostNames().get(0);
        try (var connector = SshConnector.builder().build()) {
            Host acceptNew = target(0, with(data, HostKeys.SSH_STRICT_HOST_KEY_CHECKING, "accept-new"));
            assertThat(echoHostName(connector, acceptNew)).isEqualTo(name);
        }
        assertThat(Files.readAllLines(knownHosts))
                .containsExactlyInAnyOrder(
                        knownHostsLine(jumps, jumpHost(0)),
                        knownHostsLine(targets, targets.hosts().get(0)));
        assertThat(jumpHost(0).sessionsOpened()).as("the jump was taken").isEqualTo(1);

        // What was recorded is trusted under strict checking, through a fresh connector.
        try (var strict = SshConnector.builder().build()) {
            assertThat(echoHostName(strict, target(0, data))).isEqualTo(name);
        }
    }

    /** Every target of the fleet behind jump host 0, with both fleets' hosts in known_hosts. */
    List<Host> behindJumpHost0() throws Exception {
        List<String> lines = new java.util.ArrayList<>(List.of(knownHostsLine(jumps, jumpHost(0))));
        for (FleetHost t : targets.hosts()) {
            lines.add(knownHostsLine(targets, t));
        }
        Path knownHosts = knownHostsOf(lines.toArray(String[]::new));
        List<Host> hosts = new java.util.ArrayList<>();
        for (int i = 0; i < targets.hosts().size(); i++) {
            hosts.add(target(
                    i,
                    Map.of(
                            HostKeys.SSH_KNOWN_HOSTS_FILE,
                            knownHosts.toString(),
                            HostKeys.SSH_PROXY_JUMP,
                            "root@127.0.0.1:" + jumpHost(0).port())));
        }
        return hosts;
    }

    @Test
    void targetsBehindOneJumpHostShareOneLoginThere() throws Exception {
        List<Host> hosts = behindJumpHost0();
        try (var connector = SshConnector.builder().build();
                var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            // All at once, as a run starts them: the first opens the jump host's connection, the others wait for it.
            List<java.util.concurrent.Future<String>> names = new java.util.ArrayList<>();
            for (Host h : hosts) {
                names.add(threads.submit(() -> echoHostName(connector, h)));
            }
            for (int i = 0; i < hosts.size(); i++) {
                assertThat(names.get(i).get())
                        .isEqualTo(targets.fleet().hostNames().get(i));
            }
        }
        assertThat(jumpHost(0).sessionsOpened())
                .as("one login on the jump host")
                .isEqualTo(1);
        assertThat(targets.hosts())
                .allSatisfy(t -> assertThat(t.sessionsOpened()).isEqualTo(1));
    }

    @Test
    void aChainOfJumpHostsIsSharedHopByHop() throws Exception {
        SshConfigFile config = sshConfig(jumpBlock("bastion", 0) + jumpBlock("inner", 1));
        List<String> lines = new java.util.ArrayList<>(
                List.of(knownHostsLine(jumps, jumpHost(0)), knownHostsLine(jumps, jumpHost(1))));
        for (FleetHost t : targets.hosts()) {
            lines.add(knownHostsLine(targets, t));
        }
        Path knownHosts = knownHostsOf(lines.toArray(String[]::new));
        try (var connector = SshConnector.builder().sshConfig(config).build();
                var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<String>> names = new java.util.ArrayList<>();
            for (int i = 0; i < targets.hosts().size(); i++) {
                Host h = target(
                        i,
                        Map.of(
                                HostKeys.SSH_KNOWN_HOSTS_FILE,
                                knownHosts.toString(),
                                HostKeys.SSH_PROXY_JUMP,
                                "bastion,inner"));
                names.add(threads.submit(() -> echoHostName(connector, h)));
            }
            for (int i = 0; i < names.size(); i++) {
                assertThat(names.get(i).get())
                        .isEqualTo(targets.fleet().hostNames().get(i));
            }
            assertThat(connector.jumpHostUsage())
                    .containsExactlyInAnyOrder(
                            "bastion (" + jumpHost(0).knownHostsName() + "): 1 target over 1 connection",
                            "bastion (" + jumpHost(0).knownHostsName() + ") -> inner ("
                                    + jumpHost(1).knownHostsName() + "): 6 targets over 1 connection");
        }
        // The first hop carries the second hop's connection; the second carries every target.
        assertThat(jumpHost(0).sessionsOpened()).isEqualTo(1);
        assertThat(jumpHost(1).sessionsOpened()).isEqualTo(1);
    }

    @Test
    void aJumpHostThatCannotBeReachedIsAskedOnceForItsTargetsAndAgainLater() throws Exception {
        List<Host> hosts = behindJumpHost0();
        try (var connector = SshConnector.builder().build()) {
            jumpHost(0).fault(dev.jinfra.testkit.Fault.REFUSE);
            for (Host h : hosts.subList(0, 3)) {
                assertThatThrownBy(() -> connector.connect(h))
                        .hasMessage("jump host " + jumpHost(0).knownHostsName() + ": connection refused");
            }
            jumpHost(0).clearFaults();
            // Still within the time its answer is kept: the next target gets it without a new attempt.
            assertThatThrownBy(() -> connector.connect(hosts.get(3))).hasMessageContaining("connection refused");
            Thread.sleep(JumpSessions.FAILURE_KEPT.toMillis() + 200);
            assertThat(echoHostName(connector, hosts.get(4)))
                    .isEqualTo(targets.fleet().hostNames().get(4));
        }
        assertThat(jumpHost(0).sessionsOpened()).isEqualTo(1);
    }

    @Test
    void pastItsBudgetOfTargetsAnotherConnectionToTheJumpHostIsOpened() throws Exception {
        List<Host> hosts = behindJumpHost0();
        List<Connection> open = new java.util.ArrayList<>();
        try (var connector = SshConnector.builder().jumpTargetsPerConnection(2).build()) {
            for (Host h : hosts) {
                open.add(connector.connect(h));
            }
            assertThat(jumpHost(0).sessionsOpened()).isEqualTo(3);
            for (Connection c : open) {
                assertThat(c.run(CommandRequest.of("true"), OutputListener.NONE).succeeded())
                        .isTrue();
                c.close();
            }
            // Targets that were done gave their places back: a new one rides an existing connection.
            try (Connection again = connector.connect(hosts.getFirst())) {
                assertThat(again.run(CommandRequest.of("true"), OutputListener.NONE)
                                .succeeded())
                        .isTrue();
            }
            assertThat(jumpHost(0).sessionsOpened()).isEqualTo(3);
        }
    }

    @Test
    void aJumpHostThatGoesAwayTakesItsTargetsWithItAndIsOpenedAgainForTheNext() throws Exception {
        List<Host> hosts = behindJumpHost0();
        try (var connector = SshConnector.builder().build()) {
            Connection first = connector.connect(hosts.get(0));
            jumpHost(0).reboot(java.time.Duration.ofMillis(300));
            var lost = first.run(
                    CommandRequest.of("true").withTimeout(java.time.Duration.ofSeconds(20)), OutputListener.NONE);
            assertThat(lost.outcome()).isNotEqualTo(CommandResult.Outcome.EXITED);
            first.close();
            Thread.sleep(500);
            // Up again: the next target opens a new connection to it.
            assertThat(echoHostName(connector, hosts.get(1)))
                    .isEqualTo(targets.fleet().hostNames().get(1));
        }
        assertThat(jumpHost(0).sessionsOpened()).isEqualTo(2);
    }

    @Test
    void strictCheckingRefusesAnUnknownJumpHostNamingIt() throws Exception {
        Path knownHosts = knownHostsOf(knownHostsLine(targets, targets.hosts().get(1)));
        String before = Files.readString(knownHosts);
        Host h = target(
                1,
                Map.of(
                        HostKeys.SSH_KNOWN_HOSTS_FILE,
                        knownHosts.toString(),
                        HostKeys.SSH_PROXY_JUMP,
                        "127.0.0.1:" + jumpHost(0).port()));
        try (var connector = SshConnector.builder().build()) {
            assertThatThrownBy(() -> connector.connect(h))
                    .isInstanceOfSatisfying(
                            UnreachableException.class,
                            e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.HOST_KEY_UNKNOWN))
                    .hasMessageStartingWith(
                            "jump host " + jumpHost(0).knownHostsName() + ": host key unknown: not in " + knownHosts);
        }
        assertThat(Files.readString(knownHosts)).isEqualTo(before);
        assertThat(targets.hosts().get(1).sessionsOpened()).isZero();
    }

    @Test
    void aJumpHostIsResolvedThroughTheSshConfig() throws Exception {
        Path knownHosts = knownHostsOf(
                knownHostsLine(jumps, jumpHost(1)),
                knownHostsLine(targets, targets.hosts().get(0)));
        // The target's key is the only one it offers: the jump host's login needs the config's IdentityFile.
        Host h = target(
                0,
                Map.of(
                        HostKeys.SSH_KEY,
                        targets.clientKeyFile().toString(),
                        HostKeys.SSH_KNOWN_HOSTS_FILE,
                        knownHosts.toString(),
                        HostKeys.SSH_PROXY_JUMP,
                        "bastion"));
        try (var connector = SshConnector.builder()
                .sshConfig(sshConfig(jumpBlock("bastion", 1)))
                .build()) {
            assertThat(echoHostName(connector, h))
                    .isEqualTo(targets.fleet().hostNames().get(0));
        }
        assertThat(jumpHost(1).sessionsOpened()).isEqualTo(1);
    }

    @Test
    void severalJumpHostsAreTakenFirstToLast() throws Exception {
        SshConfigFile config = sshConfig(jumpBlock("bastion", 0) + jumpBlock("inner", 1));
        Path knownHosts = knownHostsOf(
                knownHostsLine(jumps, jumpHost(0)),
                knownHostsLine(jumps, jumpHost(1)),
                knownHostsLine(targets, targets.hosts().get(1)));
        Host h = target(
                1,
                Map.of(HostKeys.SSH_KNOWN_HOSTS_FILE, knownHosts.toString(), HostKeys.SSH_PROXY_JUMP, "bastion,inner"));
        try (var connector = SshConnector.builder().sshConfig(config).build()) {
            assertThat(echoHostName(connector, h))
                    .isEqualTo(targets.fleet().hostNames().get(1));
        }
        assertThat(jumpHost(0).sessionsOpened()).isEqualTo(1);
        assertThat(jumpHost(1).sessionsOpened()).isEqualTo(1);

        // Which hop comes first shows when no hop is trusted: the first one contacted is the one refused.
        Host untrusted = target(
                1,
                Map.of(
                        HostKeys.SSH_KNOWN_HOSTS_FILE,
                        Files.createFile(dir.resolve("empty")).toString(),
                        HostKeys.SSH_PROXY_JUMP,
                        "bastion,inner"));
        try (var connector = SshConnector.builder().sshConfig(config).build()) {
            assertThatThrownBy(() -> connector.connect(untrusted))
                    .hasMessageStartingWith(
                            "jump host bastion (" + jumpHost(0).knownHostsName() + "): host key unknown");
        }
        assertThat(jumpHost(1).sessionsOpened()).isEqualTo(1);
    }

    @Test
    void theFirstJumpHostsOwnProxyJumpIsFollowed() throws Exception {
        SshConfigFile config = sshConfig(jumpBlock("inner", 1) + "  ProxyJump bastion\n" + jumpBlock("bastion", 0));
        Path knownHosts = knownHostsOf(
                knownHostsLine(jumps, jumpHost(0)),
                knownHostsLine(jumps, jumpHost(1)),
                knownHostsLine(targets, targets.hosts().get(0)));
        Host h = target(
                0, Map.of(HostKeys.SSH_KNOWN_HOSTS_FILE, knownHosts.toString(), HostKeys.SSH_PROXY_JUMP, "inner"));
        try (var connector = SshConnector.builder().sshConfig(config).build()) {
            assertThat(echoHostName(connector, h))
                    .isEqualTo(targets.fleet().hostNames().get(0));
        }
        assertThat(jumpHost(0).sessionsOpened()).isEqualTo(1);
        assertThat(jumpHost(1).sessionsOpened()).isEqualTo(1);
    }
}
