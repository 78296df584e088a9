package dev.jinfra.ops.docker;

import static dev.jinfra.deploy.Operations.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.deploy.Deploy;
import dev.jinfra.engine.deploy.DeployListener;
import dev.jinfra.engine.deploy.DeployResult;
import dev.jinfra.engine.deploy.DeployRunner;
import dev.jinfra.engine.deploy.OperationOutcome;
import dev.jinfra.engine.deploy.OperationStatus;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testing.SshConnectorExtension;
import dev.jinfra.testkit.SshFleetExtension;
import dev.jinfra.testkit.roots.BusyboxTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docker family end to end through Podman's docker-compatible CLI, on an in-process fleet host (which runs
 * commands on this machine): a network, a volume and a running container are made and an image tag removed on the
 * first run; the second run changes nothing. The image comes from a BusyBox tree imported with podman (no registry);
 * everything the test made is removed by its id afterwards, whatever happened.
 */
class DockerOnPodmanTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(1);

    @RegisterExtension
    static SshConnectorExtension sshExtension = new SshConnectorExtension();

    @TempDir
    Path dir;

    private DeployResult run(Deploy deploy) {
        return new DeployRunner(h -> sshExtension.connector())
                .run(
                        FleetHosts.all(fleetExtension.fleet(), Map.of()),
                        List.of(deploy),
                        DeployRunner.Options.defaults(),
                        new DeployListener() {});
    }

    private static void assertAll(DeployResult r, OperationStatus status) {
        assertThat(r.outcomes()).hasSize(4);
        for (OperationOutcome o : r.outcomes()) {
            assertThat(o.status())
                    .as("%s: %s %s", o.name(), o.reason(), o.stderr())
                    .isEqualTo(status);
        }
    }

    @Test
    void aNetworkVolumeAndRunningContainerAreMadeOnceAndATagIsRemovedOnce() throws Exception {
        String name = "jinfra-dockertest-" + Long.toHexString(System.nanoTime());
        Path tar = dir.resolve("image.tar");
        podman("tar", "-C", BusyboxTree.create(dir.resolve("tree")).toString(), "-cf", tar.toString(), ".");
        String imageId = podman("podman", "import", "--quiet", tar.toString(), "localhost/" + name + ":1")
                .strip();
        String containerId = null;
        try {
            podman("podman", "tag", imageId, "localhost/" + name + ":old");
            Deploy deploy = host -> {
                docker.network(name).arg("cli", "podman");
                docker.volume(name).arg("cli", "podman");
                docker.container(name, imageId)
                        .arg("cli", "podman")
                        .arg(
                                "options",
                                List.of(
                                        "--runtime", "runc",
                                        "--network", "none",
                                        "--ulimit", "nofile=1024:1024",
                                        "--ulimit", "nproc=1024:1024"))
                        .arg("command", List.of("/bin/busybox", "sleep", "600"));
                docker.image("localhost/" + name + ":old").arg("cli", "podman").absent();
            };

            assertAll(run(deploy), OperationStatus.CHANGED);
            containerId = podman("podman", "container", "inspect", "--format", "{{.Id}}", name)
                    .strip();
            assertThat(podman("podman", "container", "inspect", "--format", "{{.State.Running}}", containerId)
                            .strip())
                    .isEqualTo("true");
            assertThat(podman("podman", "image", "ls", "--format", "{{.Tag}}", "localhost/" + name))
                    .doesNotContain("old");

            assertAll(run(deploy), OperationStatus.UNCHANGED);
        } finally {
            List<List<String>> cleanups = new ArrayList<>();
            if (containerId != null) {
                cleanups.add(List.of("podman", "container", "rm", "--force", "--time", "0", containerId));
            } else {
                // Made by the deploy but not yet looked up: its name is this test's own.
                cleanups.add(List.of("podman", "container", "rm", "--force", "--ignore", "--time", "0", name));
            }
            cleanups.add(List.of("podman", "network", "rm", "--force", name));
            cleanups.add(List.of("podman", "volume", "rm", "--force", name));
            cleanups.add(List.of("podman", "image", "rm", "--force", imageId));
            for (List<String> cleanup : cleanups) {
                try {
                    podman(cleanup.toArray(String[]::new));
                } catch (IOException e) {
                    // Already gone, or the failure above is the one to report.
                }
            }
        }
    }

    private static String podman(String... words) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(words).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", words) + " failed: " + out.strip());
        }
        return out;
    }
}
