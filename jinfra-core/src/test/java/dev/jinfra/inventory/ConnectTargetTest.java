package dev.jinfra.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Containers and chroot directories as targets: on the command line, in inventory files and in host data. */
class ConnectTargetTest {
    @TempDir
    Path dir;

    @Test
    void containersAndChrootsOnTheCommandLineAreHostsNamedAsWritten() {
        Inventory inventory = InventoryLoader.load(
                "@docker/web, @podman/db-[1-2], @chroot/srv/image-root/, web-1, @local", dir.resolve("x"));

        assertThat(inventory.hosts().stream().map(Host::name))
                .containsExactly(
                        "@docker/web", "@podman/db-1", "@podman/db-2", "@chroot/srv/image-root/", "web-1", "@local");
        assertThat(target(inventory, "@docker/web")).isEqualTo(new ConnectTarget(ConnectTarget.Kind.DOCKER, "web"));
        assertThat(target(inventory, "@podman/db-2")).isEqualTo(new ConnectTarget(ConnectTarget.Kind.PODMAN, "db-2"));
        assertThat(target(inventory, "@chroot/srv/image-root/"))
                .isEqualTo(new ConnectTarget(ConnectTarget.Kind.CHROOT, "/srv/image-root"));
        assertThat(target(inventory, "web-1")).isEqualTo(new ConnectTarget(ConnectTarget.Kind.SSH, "web-1"));
        assertThat(target(inventory, "@local").kind()).isEqualTo(ConnectTarget.Kind.LOCAL);
        assertThat(inventory.host("@docker/web").orElseThrow().data()).isEmpty();
    }

    @Test
    void anInventoryFileNamesContainersAndChrootsAsHostsWithData() throws Exception {
        Path file = Files.writeString(dir.resolve("inventory.yaml"), """
                groups:
                  app:
                    hosts:
                      "@docker/web-[1-2]": { container_user: www-data }
                      "@chroot/srv/rootfs":
                  builders:
                    hosts:
                      builder: { connector: podman, ssh_hostname: build-box }
                """);
        Inventory inventory = InventoryLoader.load(file.toString(), dir);

        assertThat(inventory.hosts().stream().map(Host::name))
                .containsExactly("@docker/web-1", "@docker/web-2", "@chroot/srv/rootfs", "builder");
        assertThat(inventory.host("@docker/web-2").orElseThrow().data()).containsEntry("container_user", "www-data");
        assertThat(target(inventory, "@chroot/srv/rootfs"))
                .isEqualTo(new ConnectTarget(ConnectTarget.Kind.CHROOT, "/srv/rootfs"));
        assertThat(target(inventory, "builder")).isEqualTo(new ConnectTarget(ConnectTarget.Kind.PODMAN, "build-box"));
    }

    @Test
    void ansibleConnectionsToContainersAndChrootsBecomeTargets() throws Exception {
        Path file = Files.writeString(dir.resolve("hosts.ini"), """
                [boxes]
                web ansible_connection=community.docker.docker
                build ansible_connection=podman ansible_host=builder-1
                /srv/rootfs ansible_connection=community.general.chroot
                """);
        Inventory inventory = InventoryLoader.load(file.toString(), dir);

        assertThat(target(inventory, "web")).isEqualTo(new ConnectTarget(ConnectTarget.Kind.DOCKER, "web"));
        assertThat(target(inventory, "build")).isEqualTo(new ConnectTarget(ConnectTarget.Kind.PODMAN, "builder-1"));
        assertThat(target(inventory, "/srv/rootfs"))
                .isEqualTo(new ConnectTarget(ConnectTarget.Kind.CHROOT, "/srv/rootfs"));
    }

    @Test
    void aLimitNamingAContainerSelectsItRatherThanReadingAFile() {
        Inventory inventory = InventoryLoader.load("@docker/web,@docker/db", dir);
        assertThat(HostSelector.select(inventory, List.of("@docker/db"), dir).stream()
                        .map(Host::name))
                .containsExactly("@docker/db");
    }

    @ParameterizedTest(name = "targets {0} fail with {1}")
    @CsvSource(delimiter = '|', textBlock = """
            '@docker'              | command line: missing name in '@docker' (expected @docker/NAME)
            '@podman/'             | command line: missing name in '@podman/' (expected @podman/NAME)
            '@chroot'              | command line: missing path in '@chroot' (expected @chroot/PATH)
            'web,@lxd/c1'          | command line: unknown target '@lxd/c1' (expected @local, @docker/NAME, @podman/NAME or @chroot/PATH)
            '@docker/-x'           | command line: bad container name '-x' in '@docker/-x' (letters, digits, '_', '.' and '-', beginning with a letter or digit)
            '@podman/a/b'          | command line: bad container name 'a/b' in '@podman/a/b' (letters, digits, '_', '.' and '-', beginning with a letter or digit)
            '@chroot/srv/../etc'   | command line: bad chroot directory '/srv/../etc' in '@chroot/srv/../etc' (an absolute path other than /, without '.', '..' or empty parts)
            '@chroot//srv'         | command line: bad chroot directory '//srv' in '@chroot//srv' (an absolute path other than /, without '.', '..' or empty parts)
            '@local/x'             | command line: unknown target '@local/x' (did you mean @local?)
            """)
    void badTargetsFailInOneLineNamingTheItem(String targets, String message) {
        assertThatThrownBy(() -> InventoryLoader.load(targets, dir))
                .isInstanceOf(InventoryException.class)
                .hasMessage(message);
    }

    @Test
    void aBadTargetInAFileIsReportedAtItsLine() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), """
                hosts:
                  web-1:
                  "@dokcer/web":
                """);
        assertThatThrownBy(() -> InventoryLoader.load(file.toString(), dir))
                .isInstanceOf(InventoryException.class)
                .hasMessage(file + ":3: unknown target '@dokcer/web' (expected @local, @docker/NAME, @podman/NAME"
                        + " or @chroot/PATH)");
    }

    @Test
    void anUnknownConnectorInHostDataNamesTheHost() {
        Host host = new Host("box", List.of(), Map.of("connector", "lxd"));
        assertThatThrownBy(host::target)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host box: connector must be ssh, local, docker, podman or chroot, not 'lxd'");
    }

    @Test
    void aTargetIsWrittenInOutputAsInTheInventory() {
        assertThat(ConnectTarget.ofName("@docker/web").written()).isEqualTo("@docker/web");
        assertThat(ConnectTarget.ofName("@chroot/srv/root/").written()).isEqualTo("@chroot/srv/root");
        assertThat(ConnectTarget.ofName("@local").written()).isEqualTo("@local");
    }

    private static ConnectTarget target(Inventory inventory, String name) {
        return inventory.host(name).orElseThrow().target();
    }
}
