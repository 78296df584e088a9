package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.api.Payload;
import dev.jinfra.inventory.Host;
import dev.jinfra.testkit.roots.BusyboxTree;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chroot connector on a real tree made from this machine's BusyBox. Needs root and busybox-static: without
 * them the tests fail, saying so.
 */
class ChrootConnectorTest {
    @TempDir
    static Path scratch;

    static Path tree;

    @BeforeAll
    static void makeTree() throws Exception {
        tree = BusyboxTree.create(scratch.resolve("rootfs"));
    }

    private static Connection connect() throws UnreachableException {
        return new ChrootConnector().connect(host("@chroot" + tree));
    }

    private static Host host(String name) {
        return new Host(name, List.of(), Map.of());
    }

    @Test
    void commandsRunInsideTheTreeWithTheirInputAndExitStatus() throws Exception {
        Files.writeString(tree.resolve("etc/hostname"), "inside\n");
        try (Connection c = connect()) {
            CommandResult r = c.run(
                    new CommandRequest(
                            "cat /etc/hostname; read -r line; echo \"got $line\"; exit 3",
                            "hello\n".getBytes(StandardCharsets.UTF_8),
                            Duration.ofSeconds(30)),
                    OutputListener.NONE);

            assertThat(r.outcome()).isEqualTo(CommandResult.Outcome.EXITED);
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.stdout()).isEqualTo("inside\ngot hello\n");
        }
    }

    @Test
    void anUploadComesBackAsItWentAndLandsInsideTheTreeThroughALink() throws Exception {
        // /srv/data -> /var/data: an absolute link, which from outside the tree would point at the host's /var.
        Files.createDirectories(tree.resolve("var/data"));
        Files.createDirectories(tree.resolve("srv"));
        Files.createSymbolicLink(tree.resolve("srv/data"), Path.of("/var/data"));
        byte[] content = new byte[300_000];
        new java.util.Random(7).nextBytes(content);
        try (Connection c = connect()) {
            c.upload(Payload.of(content), "/srv/data/blob");

            assertThat(Files.readAllBytes(tree.resolve("var/data/blob"))).isEqualTo(content);
            assertThat(c.download("/srv/data/blob")).isEqualTo(content);
            assertThat(Files.getPosixFilePermissions(tree.resolve("var/data/blob")))
                    .containsExactlyInAnyOrder(
                            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            assertThat(tree.resolve("var/data").toFile().list()).containsExactly("blob");
        }
    }

    @Test
    void aFailedUploadOrDownloadSaysWhyInWords() throws Exception {
        try (Connection c = connect()) {
            assertThatThrownBy(() -> c.upload(Payload.of(new byte[] {1}), "/no/such/dir/f"))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessage("cannot upload /no/such/dir/f into " + tree + ": no such file or directory");
            assertThatThrownBy(() -> c.download("/etc/nothing"))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessage("cannot download /etc/nothing from " + tree + ": no such file or directory");
        }
    }

    @Test
    void aTimedOutCommandIsEnded() throws Exception {
        try (Connection c = connect()) {
            long start = System.nanoTime();
            CommandResult r = c.run(new CommandRequest("sleep 30", null, Duration.ofMillis(500)), OutputListener.NONE);

            assertThat(r.outcome()).isEqualTo(CommandResult.Outcome.TIMED_OUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void closingTheConnectionEndsItsRunningCommands() throws Exception {
        Connection c = connect();
        var result = new java.util.concurrent.CompletableFuture<CommandResult>();
        Thread.ofVirtual().start(() -> result.complete(c.run(CommandRequest.of("sleep 60"), OutputListener.NONE)));
        Thread.sleep(300);
        long start = System.nanoTime();
        c.close();

        assertThat(result.get(10, java.util.concurrent.TimeUnit.SECONDS).succeeded())
                .isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aMissingDirectoryOrShellMakesTheHostUnreachableInOneLine() throws Exception {
        assertThatThrownBy(() -> new ChrootConnector().connect(host("@chroot" + scratch.resolve("none"))))
                .isInstanceOf(UnreachableException.class)
                .hasMessage("no directory " + scratch.resolve("none") + " to chroot into");
        Path empty = Files.createDirectories(scratch.resolve("empty"));
        assertThatThrownBy(() -> new ChrootConnector().connect(host("@chroot" + empty)))
                .isInstanceOf(UnreachableException.class)
                .hasMessage("no /bin/sh in " + empty + " to run commands with");
    }
}
