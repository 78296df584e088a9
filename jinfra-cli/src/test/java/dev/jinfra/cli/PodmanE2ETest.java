package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.roots.BusyboxTree;
import dev.jinfra.testkit.roots.PodmanContainer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @podman/NAME} end to end, on a container the test makes from this machine's BusyBox (no image is pulled)
 * and removes afterwards. Needs root, busybox-static and podman with runc: without them the tests fail.
 */
class PodmanE2ETest {
    @TempDir
    static Path scratch;

    static PodmanContainer container;
    static String target;

    @TempDir
    Path cwd;

    @BeforeAll
    static void startContainer() throws Exception {
        Path tree = BusyboxTree.create(scratch.resolve("rootfs"));
        Files.writeString(tree.resolve("etc/issue"), "inside\n");
        container = PodmanContainer.start(tree);
        target = "@podman/" + container.name();
    }

    @AfterAll
    static void removeContainer() {
        if (container != null) {
            container.close();
        }
    }

    @Test
    void execRunsInTheContainer() {
        OtherTargetsRun.execRunsThereAndExitStatusesCome(cwd, target);
    }

    @Test
    void factsAreReadInTheContainer() {
        OtherTargetsRun.factIsReadThere(cwd, target);
    }

    @Test
    void aDeployChangesTheContainerTheFirstTimeAndNothingTheSecond() throws Exception {
        OtherTargetsRun.deployChangesOnlyTheFirstTime(cwd, target);

        assertThat(container.exec("sh", "-c", "cat /srv/app/motd /srv/app/app.conf; stat -c %a /srv/app"))
                .isEqualTo(OtherTargetsRun.deployed(target));
    }

    @Test
    void aMissingContainerIsAnUnreachableHostInOneLine() {
        CliRun r = CliRun.run(cwd, "@podman/jinfra-none,@docker/jinfra-none", "exec", "--", "true");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOSTS_UNREACHABLE);
        assertThat(r.out())
                .contains("── @podman/jinfra-none (1 host) ── unreachable: no podman container named jinfra-none");
        // No docker here, or a docker program without its daemon: either way one line that begins with docker.
        assertThat(r.out()).containsPattern("── @docker/jinfra-none \\(1 host\\) ── unreachable: docker[^\n]*\n\n");
        assertThat(r.out() + r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
