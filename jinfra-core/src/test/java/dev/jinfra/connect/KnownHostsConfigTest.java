package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostKeys;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testkit.FleetHost;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The ssh config's HashKnownHosts, UserKnownHostsFile and GlobalKnownHostsFile, against in-process servers. */
class KnownHostsConfigTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(1);

    @TempDir
    Path dir;

    static FleetHost fleetHost() {
        return fleetExtension.fleet().hosts().getFirst();
    }

    /** The fleet host with {@code data}, and no known_hosts file unless {@code data} names one. */
    static Host host(Map<String, Object> data) {
        Map<String, Object> all = new HashMap<>(
                FleetHosts.host(fleetExtension.fleet(), fleetHost().name()).data());
        all.remove(HostKeys.SSH_KNOWN_HOSTS_FILE);
        all.putAll(data);
        return new Host(fleetHost().name(), List.of(), all);
    }

    static String keyText() {
        return PublicKeyEntry.toString(fleetExtension.fleet().hostKey());
    }

    static String name() {
        return "[127.0.0.1]:" + fleetHost().port();
    }

    SshConnector connector(String config) throws Exception {
        return SshConnector.builder()
                .sshConfig(SshConfigFile.load(Files.writeString(dir.resolve("config"), config), dir, w -> {}))
                .build();
    }

    static boolean runs(SshConnector connector, Host h) throws Exception {
        try (Connection c = connector.connect(h)) {
            return c.run(CommandRequest.of("true"), OutputListener.NONE).succeeded();
        }
    }

    @Test
    void acceptNewWritesTheNameHashedWhenTheConfigSaysSo() throws Exception {
        Path file = dir.resolve("known_hosts");
        Map<String, Object> data = new HashMap<>();
        data.put(HostKeys.SSH_KNOWN_HOSTS_FILE, file.toString());
        data.put(HostKeys.SSH_STRICT_HOST_KEY_CHECKING, "accept-new");
        try (SshConnector c = connector("Host *\n    HashKnownHosts yes\n")) {
            assertThat(runs(c, host(data))).isTrue();
            // Found again at once, from the line just recorded.
            assertThat(runs(c, host(Map.of(HostKeys.SSH_KNOWN_HOSTS_FILE, file.toString()))))
                    .isTrue();
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines)
                .singleElement()
                .asString()
                .startsWith("|1|")
                .endsWith(" " + keyText())
                .doesNotContain("127.0.0.1");
        String[] fields = lines.getFirst().split(" ")[0].split("\\|");
        assertThat(java.util.Base64.getDecoder().decode(fields[2])).hasSize(20);
        HashedHostName test = HashedHostName.of(KnownHostEntry.parseKnownHostEntry(lines.getFirst()));
        assertThat(test).isNotNull();
        assertThat(test.matches(
                        HashedHostName.hashedForm("127.0.0.1", fleetHost().port())))
                .isTrue();
        assertThat(test.matches(
                        HashedHostName.hashedForm("127.0.0.2", fleetHost().port())))
                .isFalse();
        // OpenSSH finds it too.
        assertThat(OpenSshTools.run("ssh-keygen", "-F", name(), "-f", file.toString()))
                .contains(name());
        // And a later run reads it back from the file.
        try (SshConnector c = connector("")) {
            assertThat(runs(c, host(Map.of(HostKeys.SSH_KNOWN_HOSTS_FILE, file.toString()))))
                    .isTrue();
        }
    }

    @Test
    void withoutHashKnownHostsTheNameIsWrittenPlain() throws Exception {
        Path file = dir.resolve("known_hosts");
        Map<String, Object> data = new HashMap<>();
        data.put(HostKeys.SSH_KNOWN_HOSTS_FILE, file.toString());
        data.put(HostKeys.SSH_STRICT_HOST_KEY_CHECKING, "accept-new");
        try (SshConnector c = connector("Host *\n    HashKnownHosts no\n")) {
            assertThat(runs(c, host(data))).isTrue();
        }
        assertThat(Files.readAllLines(file)).containsExactly(name() + " " + keyText());
    }

    @Test
    void theConfigsUserKnownHostsFilesAreLookedUpAndTheFirstIsWritten() throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        Files.writeString(second, name() + " " + keyText() + "\n");
        String config = "Host *\n    UserKnownHostsFile " + first + " " + second + "\n";
        try (SshConnector c = connector(config)) {
            // Known from the second file.
            assertThat(runs(c, host(Map.of()))).isTrue();
        }
        Files.delete(second);
        try (SshConnector c = connector(config)) {
            assertThatThrownBy(() -> c.connect(host(Map.of())))
                    .isInstanceOfSatisfying(
                            UnreachableException.class,
                            e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.HOST_KEY_UNKNOWN))
                    .hasMessageContaining(first.toString());
            assertThat(runs(c, host(Map.of(HostKeys.SSH_STRICT_HOST_KEY_CHECKING, "accept-new"))))
                    .isTrue();
        }
        assertThat(Files.readAllLines(first)).containsExactly(name() + " " + keyText());
        assertThat(second).doesNotExist();
    }

    @Test
    void hostDataWinsOverTheConfigsUserKnownHostsFile() throws Exception {
        Path fromConfig = dir.resolve("from_config");
        Path fromData = dir.resolve("from_data");
        Files.writeString(fromConfig, name() + " " + keyText() + "\n");
        try (SshConnector c = connector("Host *\n    UserKnownHostsFile " + fromConfig + "\n")) {
            assertThatThrownBy(() -> c.connect(host(Map.of(HostKeys.SSH_KNOWN_HOSTS_FILE, fromData.toString()))))
                    .isInstanceOfSatisfying(
                            UnreachableException.class,
                            e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.HOST_KEY_UNKNOWN));
        }
    }

    @Test
    void theConfigsGlobalKnownHostsFileReplacesTheSystemWideFiles() throws Exception {
        Path user = Files.createFile(dir.resolve("known_hosts"));
        Path global = dir.resolve("global");
        Files.writeString(global, name() + " " + keyText() + "\n");
        Host h = host(Map.of(HostKeys.SSH_KNOWN_HOSTS_FILE, user.toString()));
        try (SshConnector c =
                connector("Host *\n    GlobalKnownHostsFile " + dir.resolve("none_here") + " " + global + "\n")) {
            assertThat(runs(c, h)).isTrue();
        }
        // The default system-wide files are not read when the config names others.
        Path defaults = dir.resolve("default_global");
        Files.writeString(defaults, name() + " " + keyText() + "\n");
        System.setProperty(KnownHostsCheck.GLOBAL_FILES_PROPERTY, defaults.toString());
        SshConnector withDefaults;
        try {
            withDefaults = connector("Host *\n    GlobalKnownHostsFile " + dir.resolve("none_here") + "\n");
        } finally {
            System.clearProperty(KnownHostsCheck.GLOBAL_FILES_PROPERTY);
        }
        try (withDefaults) {
            assertThatThrownBy(() -> withDefaults.connect(h))
                    .isInstanceOfSatisfying(
                            UnreachableException.class,
                            e -> assertThat(e.reason()).isEqualTo(UnreachableException.Reason.HOST_KEY_UNKNOWN));
        }
        assertThat(Files.readString(user)).isEmpty();
    }
}
