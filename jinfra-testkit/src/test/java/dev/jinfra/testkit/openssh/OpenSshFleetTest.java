package dev.jinfra.testkit.openssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.testkit.openssh.OpenSshFleet.Host;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

/** Parts that need no sshd. */
class OpenSshFleetTest {

    @Test
    void readsHostsFromTheInventoryTheScriptWrites(@TempDir Path tmp) throws Exception {
        Path inv = tmp.resolve("inventory.yaml");
        Files.writeString(inv, """
                # jinfra inventory
                data:
                  ssh_user: root
                  ssh_key: /x/client_key
                  ssh_known_hosts_file: /x/known_hosts
                hosts:
                  h001: { ssh_hostname: 127.77.0.1 }
                  h002: { ssh_hostname: 127.77.0.2, ssh_port: 2222 }
                """);
        assertThat(OpenSshFleet.parseInventory(inv))
                .containsExactly(new Host("h001", "127.77.0.1", 22), new Host("h002", "127.77.0.2", 2222));
    }

    @Test
    void findsTheScriptFromTheRepositoryRoot() {
        assertThat(OpenSshFleet.script()).isRegularFile().isExecutable().endsWith(Path.of("scripts", "sshd-fleet"));
    }

    @Test
    void hostCountFromTheSystemProperty() {
        String old = System.getProperty(OpenSshFleetExtension.HOSTS_PROPERTY);
        try {
            System.clearProperty(OpenSshFleetExtension.HOSTS_PROPERTY);
            assertThat(OpenSshFleetExtension.hostsFromProperty()).isEqualTo(OpenSshFleetExtension.DEFAULT_HOSTS);
            System.setProperty(OpenSshFleetExtension.HOSTS_PROPERTY, "12");
            assertThat(OpenSshFleetExtension.hostsFromProperty()).isEqualTo(12);
            System.setProperty(OpenSshFleetExtension.HOSTS_PROPERTY, "0");
            assertThatThrownBy(OpenSshFleetExtension::hostsFromProperty)
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageContaining(">= 1");
        } finally {
            if (old == null) {
                System.clearProperty(OpenSshFleetExtension.HOSTS_PROPERTY);
            } else {
                System.setProperty(OpenSshFleetExtension.HOSTS_PROPERTY, old);
            }
        }
    }

    @Test
    void overlayIsOffUnlessAskedForAndSurvivesTheOtherWithers(@TempDir Path tmp) {
        var plain = OpenSshFleet.Options.of(3, tmp);
        assertThat(plain.overlay()).isFalse();
        var o = plain.withOverlay(true).withPrefix("web").withBase("127.80.0.1").withPort(2222);
        assertThat(o.overlay()).isTrue();
        assertThat(o.prefix()).isEqualTo("web");
        assertThat(o.withOverlay(false))
                .isEqualTo(plain.withPrefix("web").withBase("127.80.0.1").withPort(2222));
    }

    @OpenSshHosts(overlay = true)
    private static final class OnlyOverlay {}

    @Test
    void theAnnotationCanAskForOverlaysAlone() {
        OpenSshHosts a = OnlyOverlay.class.getAnnotation(OpenSshHosts.class);
        assertThat(a.overlay()).isTrue();
        assertThat(a.value())
                .as("0: the host count comes from the system property")
                .isZero();
    }

    @Test
    void rejectsAnEmptyFleet(@TempDir Path tmp) {
        assertThatThrownBy(() -> OpenSshFleet.Options.of(0, tmp)).isInstanceOf(IllegalArgumentException.class);
    }
}
