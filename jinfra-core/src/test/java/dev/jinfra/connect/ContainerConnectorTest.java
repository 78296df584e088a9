package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinfra.api.Payload;
import dev.jinfra.command.Command;
import dev.jinfra.inventory.ConnectTarget;
import dev.jinfra.inventory.Host;
import dev.jinfra.testkit.roots.BusyboxTree;
import dev.jinfra.testkit.roots.PodmanContainer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container connector on a real Podman container the test makes from this machine's BusyBox and removes
 * afterwards. Needs root, busybox-static and podman (with runc): without them the tests fail, saying so.
 */
class ContainerConnectorTest {
    @TempDir
    static Path scratch;

    static PodmanContainer container;

    @BeforeAll
    static void startContainer() throws Exception {
        container = PodmanContainer.start(BusyboxTree.create(scratch.resolve("rootfs")));
    }

    @AfterAll
    static void removeContainer() {
        if (container != null) {
            container.close();
        }
    }

    private static Connection connect() throws UnreachableException {
        return new ContainerConnector(ConnectTarget.Kind.PODMAN).connect(host("@podman/" + container.name()));
    }

    private static Host host(String name, Object... data) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < data.length; i += 2) {
            map.put((String) data[i], data[i + 1]);
        }
        return new Host(name, List.of(), map);
    }

    @Test
    void commandsRunInTheContainerWithTheirInputEnvironmentAndExitStatus() throws Exception {
        String command = Command.shell("read -r line; echo \"$line $GREETING\"; echo oops >&2; exit 4")
                .env("GREETING", "it's $HOME; `not run`")
                .render();
        try (Connection c = connect()) {
            CommandResult r = c.run(
                    new CommandRequest(command, "hello\n".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60)),
                    OutputListener.NONE);

            assertThat(r.outcome()).isEqualTo(CommandResult.Outcome.EXITED);
            assertThat(r.exitCode()).isEqualTo(4);
            assertThat(r.stdout()).isEqualTo("hello it's $HOME; `not run`\n");
            // The wrapper's process id is not part of the command's output.
            assertThat(r.stderr()).isEqualTo("oops\n");
        }
    }

    @Test
    void commandsRunAsTheContainerUserWhenOneIsGiven() throws Exception {
        Host nobody = host("@podman/" + container.name(), "container_user", "nobody");
        try (Connection c = new ContainerConnector(ConnectTarget.Kind.PODMAN).connect(nobody)) {
            CommandResult r = c.run(CommandRequest.of("id -u"), OutputListener.NONE);
            assertThat(r.stdout()).isEqualTo("65534\n");
        }
    }

    @Test
    void anUploadComesBackAsItWentAndIsPrivate() throws Exception {
        byte[] content = new byte[500_000];
        new java.util.Random(11).nextBytes(content);
        try (Connection c = connect()) {
            c.upload(Payload.of(content), "/tmp/blob");

            assertThat(c.download("/tmp/blob")).isEqualTo(content);
            assertThat(container.exec("sh", "-c", "stat -c %a /tmp/blob; ls -a /tmp"))
                    .isEqualTo("600\n.\n..\nblob\n");
            assertThatThrownBy(() -> c.download("/tmp/none"))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("cannot download /tmp/none from container " + container.name() + ": ")
                    .hasMessageContaining("No such file or directory");
            assertThatThrownBy(() -> c.upload(Payload.of(content), "/no/dir/f"))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("cannot upload /no/dir/f into container " + container.name() + ": ");
        }
    }

    @Test
    void aTimedOutCommandIsEndedInsideTheContainer() throws Exception {
        try (Connection c = connect()) {
            CommandResult r = c.run(
                    new CommandRequest("sleep 417 & sleep 418", null, Duration.ofSeconds(2)), OutputListener.NONE);

            assertThat(r.outcome()).isEqualTo(CommandResult.Outcome.TIMED_OUT);
            // Killing the local podman client alone would leave both sleeps running in the container.
            assertThat(container.exec("ps", "-o", "args")).doesNotContain("sleep 41");
        }
    }

    @Test
    void closingTheConnectionEndsItsRunningCommandsInsideTheContainer() throws Exception {
        Connection c = connect();
        var result = new java.util.concurrent.CompletableFuture<CommandResult>();
        Thread.ofVirtual().start(() -> result.complete(c.run(CommandRequest.of("sleep 427"), OutputListener.NONE)));
        // Ctrl-C closes a run's connections; wait until the command runs in the container first.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!container.exec("ps", "-o", "args").contains("sleep 427") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        c.close();

        assertThat(result.get(30, java.util.concurrent.TimeUnit.SECONDS).succeeded())
                .isFalse();
        assertThat(container.exec("ps", "-o", "args")).doesNotContain("sleep 427");
    }

    @Test
    void aMissingContainerOrEngineMakesTheHostUnreachableInOneLine() {
        assertThatThrownBy(() -> new ContainerConnector(ConnectTarget.Kind.PODMAN).connect(host("@podman/jinfra-none")))
                .isInstanceOf(UnreachableException.class)
                .hasMessage("no podman container named jinfra-none");
        assertThatThrownBy(() -> new ContainerConnector(ConnectTarget.Kind.DOCKER, "/nonexistent/docker")
                        .connect(host("@docker/web")))
                .isInstanceOf(UnreachableException.class)
                .hasMessage("docker is not installed here (no program /nonexistent/docker)");
    }

    @Test
    void aContainerThatIsNotRunningMakesTheHostUnreachableInOneLine() throws Exception {
        String stopped = container.createStopped();
        assertThatThrownBy(() -> new ContainerConnector(ConnectTarget.Kind.PODMAN).connect(host("@podman/" + stopped)))
                .isInstanceOf(UnreachableException.class)
                .hasMessage("podman container " + stopped + " is not running");
    }

    @Test
    void theDockerConnectorSpeaksTheSameWordsToItsProgram() throws Exception {
        // docker's program takes the words podman's does for exec and inspect: podman stands in for it.
        Path docker = scratch.resolve("docker");
        Files.writeString(docker, "#!/bin/sh\nexec podman \"$@\"\n");
        docker.toFile().setExecutable(true);
        try (Connection c = new ContainerConnector(ConnectTarget.Kind.DOCKER, docker.toString())
                .connect(host("@docker/" + container.name()))) {
            assertThat(c.run(CommandRequest.of("echo $0 in docker"), OutputListener.NONE)
                            .stdout())
                    .isEqualTo("sh in docker\n");
        }
    }
}
