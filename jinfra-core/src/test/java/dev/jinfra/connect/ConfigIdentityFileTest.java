package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IdentityFile from the ssh config: tokens, several lines, and files that do not exist. */
class ConfigIdentityFileTest {
    static final String ME = System.getProperty("user.name");

    @TempDir
    Path dir;

    final List<String> warnings = new ArrayList<>();

    SshConfigFile config(String text) throws Exception {
        return SshConfigFile.load(Files.writeString(dir.resolve("config"), text), dir, warnings::add);
    }

    static SshSettings resolve(SshConfigFile config, String name, Map<String, Object> data) {
        return SshSettings.resolve(new Host(name, List.of(), data), config);
    }

    @Test
    void percentTokensAndTildeAreExpanded() throws Exception {
        Path key = Files.createDirectories(dir.resolve("web-1.example.com-ops-2222"))
                .resolve("id 50% " + ME);
        Files.writeString(key, "");
        var config = config("""
                Host web-1
                  HostName %%h.example.com
                  User ops
                  Port 2222
                  IdentityFile "%s/%%h-%%r-%%p/id 50%%%% %%u"
                  IdentityFile ~/no-such-dir-for-jinfra/%%n
                  IdentityFile %%d/no-such-dir-for-jinfra/x
                """.formatted(dir));
        assertThat(resolve(config, "web-1", Map.of()).keyFiles()).containsExactly(key);
        String home = System.getProperty("user.home");
        assertThat(warnings)
                .anySatisfy(w -> assertThat(w).endsWith(home + "/no-such-dir-for-jinfra/web-1 does not exist; skipped"))
                .anySatisfy(w -> assertThat(w).endsWith(home + "/no-such-dir-for-jinfra/x does not exist; skipped"));
    }

    @Test
    void theRemoteUserAndPortAreTheOnesConnectedWith() throws Exception {
        Path key = Files.writeString(dir.resolve("admin-2200"), "");
        var config = config("Host *\n  User ops\n  IdentityFile " + dir + "/%r-%p\n");
        var s = resolve(config, "db", Map.of(HostKeys.SSH_USER, "admin", HostKeys.SSH_PORT, 2200));
        assertThat(s.keyFiles()).containsExactly(key);
    }

    @Test
    void missingFilesAreSkippedWithOneWarningPerFileAndTheOthersKeepTheirOrder() throws Exception {
        Path second = Files.writeString(dir.resolve("second"), "");
        Path first = Files.writeString(dir.resolve("first"), "");
        var config = config("""
                Host *
                  IdentityFile %1$s/missing
                  IdentityFile %1$s/second
                  IdentityFile %1$s/first
                """.formatted(dir));
        assertThat(resolve(config, "a", Map.of()).keyFiles()).containsExactly(second, first);
        assertThat(resolve(config, "b", Map.of()).keyFiles()).containsExactly(second, first);
        assertThat(warnings)
                .containsExactly(dir.resolve("config") + ":2: IdentityFile " + dir.resolve("missing")
                        + " does not exist; skipped");
    }

    @Test
    void onlyMissingFilesMeansNoKeyFilesNotTheDefaultOnes() throws Exception {
        var s = resolve(config("IdentityFile " + dir + "/missing\n"), "a", Map.of());
        assertThat(s.keyFiles()).isEmpty();
        assertThat(s.implicitKeys()).isFalse();
    }

    @Test
    void aKeyNamedInHostDataStaysStrict() throws Exception {
        var s = resolve(config("IdentityFile " + dir + "/missing\n"), "a", Map.of(HostKeys.SSH_KEY, dir + "/gone"));
        assertThat(s.keyFiles()).containsExactly(dir.resolve("gone"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void anUnknownTokenNamesFileAndLine() throws Exception {
        var config = config("Host *\n  IdentityFile ~/.ssh/%C\n");
        assertThatThrownBy(() -> resolve(config, "a", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "host a: " + dir.resolve("config") + ":2: IdentityFile: unsupported token '%C'");
    }

    @Test
    void aJumpHostsIdentityFilesAreExpandedForTheHop() throws Exception {
        Path key = Files.writeString(dir.resolve("gw-jump"), "");
        var config =
                config("Host gw\n  User jump\n  IdentityFile " + dir + "/%n-%r\n  IdentityFile " + dir + "/nope\n");
        var hop = resolve(config, "a", Map.of(HostKeys.SSH_PROXY_JUMP, "gw"))
                .jumpHosts()
                .getFirst();
        assertThat(hop.keyFiles()).containsExactly(key);
        assertThat(hop.implicitKeys()).isFalse();
    }
}
