package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ProxyJump values, and how each hop is resolved through the ssh config. */
class JumpHostTest {
    static final List<Path> TARGET_KEYS = List.of(Path.of("/keys/target"));
    static final String ME = System.getProperty("user.name");

    @TempDir
    Path dir;

    SshConfigFile config(String text) throws Exception {
        return SshConfigFile.load(Files.writeString(dir.resolve("config"), text), dir, w -> {});
    }

    static List<JumpHost> resolve(String proxyJump, SshConfigFile config) {
        return JumpHost.resolve(proxyJump, config, TARGET_KEYS, false);
    }

    @Test
    void everySpellingOfAHop() {
        assertThat(resolve("gw", SshConfigFile.EMPTY))
                .containsExactly(new JumpHost("gw", "gw", 22, ME, TARGET_KEYS, false));
        assertThat(resolve("ops@gw.example.com:2222", SshConfigFile.EMPTY))
                .containsExactly(new JumpHost("gw.example.com", "gw.example.com", 2222, "ops", TARGET_KEYS, false));
        assertThat(resolve("ssh://ops@[2001:db8::1]:2200", SshConfigFile.EMPTY))
                .containsExactly(new JumpHost("2001:db8::1", "2001:db8::1", 2200, "ops", TARGET_KEYS, false));
        assertThat(resolve("2001:db8::2", SshConfigFile.EMPTY))
                .extracting(JumpHost::address, JumpHost::port)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2001:db8::2", 22));
    }

    @Test
    void eachHopTakesItsSettingsFromTheConfigAndTheValueWins() throws Exception {
        Path key = Files.writeString(dir.resolve("jump"), "");
        var config = config("""
                Host bastion
                  HostName 10.0.0.5
                  Port 2201
                  User jump
                  IdentityFile %s
                """.formatted(key));
        List<JumpHost> hops = resolve("bastion, admin@bastion:22", config);
        assertThat(hops)
                .containsExactly(
                        new JumpHost("bastion", "10.0.0.5", 2201, "jump", List.of(key), false),
                        new JumpHost("bastion", "10.0.0.5", 22, "admin", List.of(key), false));
        assertThat(hops.get(0).describe()).isEqualTo("bastion ([10.0.0.5]:2201)");
        // Without an IdentityFile of its own, a hop is offered the target's keys, default ones included.
        assertThat(JumpHost.resolve("other", config, TARGET_KEYS, true).getFirst())
                .extracting(JumpHost::keyFiles, JumpHost::implicitKeys)
                .containsExactly(TARGET_KEYS, true);
    }

    @Test
    void theFirstHopsOwnProxyJumpComesBeforeIt() throws Exception {
        var config = config("""
                Host inner
                  ProxyJump outer
                Host outer
                  ProxyJump edge
                Host last
                  ProxyJump ignored
                """);
        assertThat(resolve("inner,last", config))
                .extracting(JumpHost::name)
                .containsExactly("edge", "outer", "inner", "last");
    }

    @Test
    void aJumpHostIsNotItsOwnJumpHost() throws Exception {
        // The usual way to send every host through a gateway also gives the gateway itself that ProxyJump.
        var config = config("Host *\n  ProxyJump gw\n");
        assertThat(resolve("gw", config)).extracting(JumpHost::name).containsExactly("gw");
    }

    @Test
    void aLoopThroughTheConfigIsRefused() throws Exception {
        var config = config("Host a\n  ProxyJump b\nHost b\n  ProxyJump a\n");
        assertThatThrownBy(() -> resolve("a", config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ssh_proxy_jump: more than 10 jump hosts (does the ssh config's ProxyJump loop?)");
    }

    @Test
    void malformedHopsAreRefusedNamingThem() {
        assertThatThrownBy(() -> resolve("gw:http", SshConfigFile.EMPTY))
                .hasMessage("ssh_proxy_jump: bad port in 'gw:http'");
        assertThatThrownBy(() -> resolve("gw:0", SshConfigFile.EMPTY)).hasMessage("ssh_proxy_jump: bad port in 'gw:0'");
        assertThatThrownBy(() -> resolve("a,,b", SshConfigFile.EMPTY))
                .hasMessage("ssh_proxy_jump: '' is not [user@]host[:port]");
        assertThatThrownBy(() -> resolve("@gw", SshConfigFile.EMPTY))
                .hasMessage("ssh_proxy_jump: '@gw' is not [user@]host[:port]");
        assertThatThrownBy(() -> resolve("[::1", SshConfigFile.EMPTY))
                .hasMessage("ssh_proxy_jump: '[::1' is not [user@]host[:port]");
    }
}
