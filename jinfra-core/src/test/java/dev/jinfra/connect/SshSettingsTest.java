package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Precedence: host data over the ssh config over defaults; malformed data fails naming host and key. */
class SshSettingsTest {
    static SshConfigFile config;

    @BeforeAll
    static void load() throws Exception {
        Path fixtures = Path.of(
                        SshSettingsTest.class.getResource("/connect/ssh_config").toURI())
                .getParent();
        config = SshConfigFile.load(fixtures.resolve("ssh_config"), fixtures, w -> {});
    }

    static SshSettings resolve(String name, Map<String, Object> data) {
        return SshSettings.resolve(new Host(name, List.of(), data), config);
    }

    @Test
    void theSshConfigFillsWhatHostDataLeavesOut() {
        var s = resolve("web-01", Map.of());
        assertThat(s.address()).isEqualTo("web-01.example.com");
        assertThat(s.port()).isEqualTo(2201);
        assertThat(s.user()).isEqualTo("deploy");
        // The config's IdentityFiles do not exist here, so none are used, and not the default keys either.
        assertThat(s.keyFiles()).isEmpty();
        assertThat(s.implicitKeys()).isFalse();
        assertThat(s.proxyJump()).isEqualTo("gateway");
        // The jump host is looked up in the same config; Host * gives it a ProxyJump to itself, which is no hop.
        assertThat(s.jumpHosts())
                .singleElement()
                .extracting(JumpHost::name, JumpHost::user)
                .containsExactly("gateway", "fallback");
    }

    @Test
    void hostDataWinsOverTheSshConfig() {
        var s = resolve(
                "web-01",
                Map.of(
                        HostKeys.SSH_HOSTNAME,
                        "10.9.9.9",
                        HostKeys.SSH_PORT,
                        2000,
                        HostKeys.SSH_USER,
                        "ops",
                        HostKeys.SSH_KEY,
                        "~/keys/ops",
                        HostKeys.SSH_PROXY_JUMP,
                        "none"));
        assertThat(s.address()).isEqualTo("10.9.9.9");
        assertThat(s.port()).isEqualTo(2000);
        assertThat(s.user()).isEqualTo("ops");
        assertThat(s.keyFiles()).containsExactly(Path.of(System.getProperty("user.home"), "keys/ops"));
        assertThat(s.proxyJump())
                .as("none in host data turns off the config's ProxyJump")
                .isNull();
        assertThat(s.jumpHosts()).isEmpty();
    }

    @Test
    void withoutDataOrConfigTheDefaultsApply() {
        var s = SshSettings.resolve(
                new Host("plain", List.of(), Map.of(HostKeys.SSH_KEY, List.of())), SshConfigFile.EMPTY);
        assertThat(s.address()).isEqualTo("plain");
        assertThat(s.port()).isEqualTo(22);
        assertThat(s.user()).isEqualTo(System.getProperty("user.name"));
        assertThat(s.knownHostsFile()).isEqualTo(Path.of(System.getProperty("user.home"), ".ssh/known_hosts"));
        assertThat(s.hostKeyChecking()).isEqualTo(HostKeyChecking.YES);
        assertThat(s.proxyJump()).isNull();
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.connectRetries()).isZero();
        assertThat(s.password()).isNull();
    }

    @Test
    void sshKeyMayListSeveralFilesAndAnEmptyListMeansNoKeyFilesAtAll() {
        assertThat(resolve("web-01", Map.of(HostKeys.SSH_KEY, List.of("/k/one", "/k/two")))
                        .keyFiles())
                .containsExactly(Path.of("/k/one"), Path.of("/k/two"));
        assertThat(resolve("web-01", Map.of(HostKeys.SSH_KEY, List.of())).keyFiles())
                .as("not even the config's IdentityFile")
                .isEmpty();
    }

    @Test
    void numbersMayBeGivenAsStrings() {
        var s = resolve(
                "web-01",
                Map.of(
                        HostKeys.SSH_PORT,
                        " 2022 ",
                        HostKeys.SSH_CONNECT_RETRIES,
                        "3",
                        HostKeys.SSH_CONNECT_TIMEOUT,
                        5L));
        assertThat(s.port()).isEqualTo(2022);
        assertThat(s.connectRetries()).isEqualTo(3);
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aPortThatIsNotANumberNamesTheHostAndTheKey() {
        assertThatThrownBy(() -> resolve("web-01", Map.of(HostKeys.SSH_PORT, "abc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host web-01: ssh_port must be a whole number, not 'abc'");
    }

    @Test
    void anUnknownHostKeyCheckingModeNamesTheHostAndTheKey() {
        assertThatThrownBy(() -> resolve("db-1", Map.of(HostKeys.SSH_STRICT_HOST_KEY_CHECKING, "maybe")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host db-1: ssh_strict_host_key_checking must be yes, accept-new or no, not 'maybe'");
    }

    @Test
    void outOfRangeAndFractionalNumbersAreRefused() {
        assertThatThrownBy(() -> resolve("web-01", Map.of(HostKeys.SSH_PORT, 70000)))
                .hasMessage("host web-01: ssh_port must be between 1 and 65535, not 70000");
        assertThatThrownBy(() -> resolve("web-01", Map.of(HostKeys.SSH_PORT, 4294967318L)))
                .as("not wrapped round to 22")
                .hasMessageContaining("ssh_port must be between 1 and 65535");
        assertThatThrownBy(() -> resolve("web-01", Map.of(HostKeys.SSH_CONNECT_RETRIES, 1.5)))
                .hasMessage("host web-01: ssh_connect_retries must be a whole number, not '1.5'");
    }

    @Test
    void theConfigsUserKnownHostsFileIsUsedWithoutHostDataAndTildeIsExpanded(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        var withFiles = SshConfigFile.load(
                java.nio.file.Files.writeString(
                        dir.resolve("config"),
                        "Host web\n    UserKnownHostsFile ~/kh/%h first ~/second\n    GlobalKnownHostsFile /etc/kh\n"
                                + "    HashKnownHosts yes\n"),
                dir,
                w -> {});
        String home = System.getProperty("user.home");
        var s = SshSettings.resolve(new Host("web", List.of(), Map.of()), withFiles);
        assertThat(s.knownHostsFile()).isEqualTo(Path.of(home, "kh/web"));
        assertThat(s.knownHostsFiles())
                .containsExactly(Path.of(home, "kh/web"), Path.of("first"), Path.of(home, "second"));
        assertThat(s.globalKnownHostsFiles()).containsExactly(Path.of("/etc/kh"));
        assertThat(s.hashKnownHosts()).isTrue();
        var other = SshSettings.resolve(new Host("db", List.of(), Map.of()), withFiles);
        assertThat(other.knownHostsFiles()).containsExactly(Path.of(home, ".ssh/known_hosts"));
        assertThat(other.globalKnownHostsFiles()).isNull();
        assertThat(other.hashKnownHosts()).isFalse();
        var data = SshSettings.resolve(
                new Host("web", List.of(), Map.of(HostKeys.SSH_KNOWN_HOSTS_FILE, "/x/kh")), withFiles);
        assertThat(data.knownHostsFiles()).containsExactly(Path.of("/x/kh"));
    }

    static SshConfigFile configOf(String text) throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("jinfra-ssh-config");
        Path file = dir.resolve("config");
        java.nio.file.Files.writeString(file, text);
        return SshConfigFile.load(file, dir, w -> {});
    }

    @Test
    void howToConnectComesFromTheConfigToo() throws Exception {
        var config = configOf("""
                Host web-*
                  StrictHostKeyChecking accept-new
                  ConnectTimeout 7
                  ConnectionAttempts 3
                  KexAlgorithms curve25519-sha256,ecdh-sha2-nistp256
                Host *
                  StrictHostKeyChecking no
                  ConnectTimeout 99
                """);
        var s = SshSettings.resolve(new Host("web-01", List.of(), Map.of(HostKeys.SSH_KEY, List.of())), config);
        assertThat(s.hostKeyChecking()).isEqualTo(HostKeyChecking.ACCEPT_NEW);
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(s.connectRetries()).isEqualTo(2);
        assertThat(s.kexAlgorithms()).containsExactly("curve25519-sha256", "ecdh-sha2-nistp256");

        var other = SshSettings.resolve(new Host("db", List.of(), Map.of(HostKeys.SSH_KEY, List.of())), config);
        assertThat(other.hostKeyChecking()).isEqualTo(HostKeyChecking.NO);
        assertThat(other.connectTimeout()).isEqualTo(Duration.ofSeconds(99));
        assertThat(other.connectRetries()).isZero();
        assertThat(other.kexAlgorithms()).isEmpty();
    }

    @Test
    void hostDataWinsOverHowTheConfigSaysToConnect() throws Exception {
        var config = configOf("""
                Host *
                  StrictHostKeyChecking no
                  ConnectTimeout 7
                  ConnectionAttempts 3
                  KexAlgorithms +ssh-rsa
                """);
        var s = SshSettings.resolve(
                new Host(
                        "web-01",
                        List.of(),
                        Map.of(
                                HostKeys.SSH_KEY,
                                List.of(),
                                HostKeys.SSH_STRICT_HOST_KEY_CHECKING,
                                "yes",
                                HostKeys.SSH_CONNECT_TIMEOUT,
                                3,
                                HostKeys.SSH_CONNECT_RETRIES,
                                0)),
                config);
        assertThat(s.hostKeyChecking()).isEqualTo(HostKeyChecking.YES);
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.connectRetries()).isZero();
        assertThat(s.kexAlgorithms())
                .as("+list keeps the defaults, which hold all jinfra can use")
                .isEmpty();
    }

    @Test
    void aConfigValueJinfraCannotUseNamesTheFileAndLine() throws Exception {
        var config = configOf("""
                Host *
                  ConnectTimeout soon
                """);
        assertThatThrownBy(() ->
                        SshSettings.resolve(new Host("web-01", List.of(), Map.of(HostKeys.SSH_KEY, List.of())), config))
                .hasMessageContaining("config:2: ConnectTimeout must be a whole number from 0 to 3600, not 'soon'");
    }

    @Test
    void knownHostsFilesAndHashingMayAllComeFromHostData() {
        var s = resolve(
                "web",
                Map.of(
                        HostKeys.SSH_KNOWN_HOSTS_FILE,
                        List.of("/lab/known_hosts", "/lab/more_hosts"),
                        HostKeys.SSH_GLOBAL_KNOWN_HOSTS_FILE,
                        "/etc/lab_hosts",
                        HostKeys.SSH_HASH_KNOWN_HOSTS,
                        true));

        assertThat(s.knownHostsFiles()).containsExactly(Path.of("/lab/known_hosts"), Path.of("/lab/more_hosts"));
        assertThat(s.knownHostsFile()).isEqualTo(Path.of("/lab/known_hosts"));
        assertThat(s.globalKnownHostsFiles()).containsExactly(Path.of("/etc/lab_hosts"));
        assertThat(s.hashKnownHosts()).isTrue();
    }

    @Test
    void aVaultDecryptedPasswordIsUsedAsItsText() {
        var s = resolve("web", Map.of(HostKeys.SSH_PASSWORD, new dev.jinfra.command.Secret("pw-from-vault")));

        assertThat(s.password()).isEqualTo("pw-from-vault");
    }
}
