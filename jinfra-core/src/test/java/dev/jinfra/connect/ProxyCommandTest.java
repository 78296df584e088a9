package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ProxyCommand in the ssh config refuses the host: connecting directly could go around a bastion. */
class ProxyCommandTest {
    @TempDir
    Path dir;

    SshConfigFile config(String text) throws Exception {
        return SshConfigFile.load(Files.writeString(dir.resolve("config"), text), dir, w -> {});
    }

    static SshSettings resolve(SshConfigFile config, String name, Map<String, Object> data) {
        return SshSettings.resolve(new Host(name, List.of(), data), config);
    }

    @Test
    void aHostWithAProxyCommandIsRefusedNamingFileAndLine() throws Exception {
        var config = config("Host internal-*\n  ProxyCommand ssh -W %h:%p bastion\n");
        assertThatThrownBy(() -> resolve(config, "internal-1", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host internal-1: " + dir.resolve("config") + ":2: ProxyCommand is not supported, and"
                        + " connecting directly could bypass it; use ProxyJump, or set ssh_proxy_jump for the host");
        assertThat(resolve(config, "other", Map.of()).jumpHosts()).isEmpty();
    }

    @Test
    void theFirstOfProxyJumpAndProxyCommandWinsAndNoneIsDirect() throws Exception {
        var config = config("""
                Host jumped
                  ProxyJump gw
                Host direct gw
                  ProxyCommand none
                Host *
                  ProxyCommand nc %h %p
                """);
        assertThat(resolve(config, "jumped", Map.of()).proxyJump()).isEqualTo("gw");
        assertThat(resolve(config, "direct", Map.of()).jumpHosts()).isEmpty();
    }

    @Test
    void sshProxyJumpInHostDataReplacesTheProxyCommand() throws Exception {
        var config = config("Host gw\n  ProxyCommand none\nHost *\n  ProxyCommand nc %h %p\n");
        assertThat(resolve(config, "a", Map.of(HostKeys.SSH_PROXY_JUMP, "none")).jumpHosts())
                .isEmpty();
        assertThat(resolve(config, "a", Map.of(HostKeys.SSH_PROXY_JUMP, "gw")).proxyJump())
                .isEqualTo("gw");
    }

    @Test
    void aFirstJumpHostWithAProxyCommandIsRefusedToo() throws Exception {
        var config = config("Host gw\n  ProxyCommand nc %h %p\n");
        assertThatThrownBy(() -> resolve(config, "a", Map.of(HostKeys.SSH_PROXY_JUMP, "gw")))
                .hasMessageContaining(dir.resolve("config") + ":2: ProxyCommand is not supported");
    }
}
