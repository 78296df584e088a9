package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.roots.BusyboxTree;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @chroot/PATH} end to end, on a tree the test makes from this machine's BusyBox. Needs root and
 * busybox-static: without them the tests fail, saying which is missing.
 */
class ChrootE2ETest {
    @TempDir
    static Path scratch;

    static Path tree;
    static String target;

    @TempDir
    Path cwd;

    @BeforeAll
    static void makeTree() throws Exception {
        tree = BusyboxTree.create(scratch.resolve("rootfs"));
        Files.writeString(tree.resolve("etc/issue"), "inside\n");
        target = "@chroot" + tree;
    }

    @Test
    void execRunsInsideTheTree() {
        OtherTargetsRun.execRunsThereAndExitStatusesCome(cwd, target);
    }

    @Test
    void factsAreReadInsideTheTree() {
        OtherTargetsRun.factIsReadThere(cwd, target);
    }

    @Test
    void aDeployChangesTheTreeTheFirstTimeAndNothingTheSecond() throws Exception {
        OtherTargetsRun.deployChangesOnlyTheFirstTime(cwd, target);

        Path app = tree.resolve("srv/app");
        String seen = Files.readString(app.resolve("motd")) + Files.readString(app.resolve("app.conf"))
                + Integer.toOctalString(mode(app)) + "\n";
        assertThat(seen).isEqualTo(OtherTargetsRun.deployed(target));
    }

    @Test
    void aMissingDirectoryIsAnUnreachableHostInOneLine() {
        CliRun r = CliRun.run(cwd, "@chroot" + scratch.resolve("nothing"), "exec", "--", "true");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOSTS_UNREACHABLE);
        assertThat(r.out()).contains("unreachable: no directory " + scratch.resolve("nothing") + " to chroot into");
        assertThat(r.out() + r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static int mode(Path p) throws java.io.IOException {
        return (Integer) Files.getAttribute(p, "unix:mode") & 0777;
    }
}
