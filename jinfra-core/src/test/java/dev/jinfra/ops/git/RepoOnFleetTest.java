package dev.jinfra.ops.git;

import static dev.jinfra.deploy.Operations.git;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** git.repo run by real git on an in-process fleet host, against a bare repository in a temporary directory. */
class RepoOnFleetTest {
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

    private static String git(Path in, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "git",
                "-c",
                "user.name=jinfra",
                "-c",
                "user.email=jinfra@example.invalid",
                "-c",
                "init.defaultBranch=main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(in.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("git %s: %s", args, out).isZero();
        return out;
    }

    /** A bare repository with branches main and dev, each a commit ahead of where they split. */
    private Path remote() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        git(work, "init", "-q", ".");
        git(work, "commit", "-q", "--allow-empty", "-m", "start");
        git(work, "branch", "dev");
        git(work, "commit", "-q", "--allow-empty", "-m", "on main");
        git(work, "checkout", "-q", "dev");
        git(work, "commit", "-q", "--allow-empty", "-m", "on dev");
        git(dir, "clone", "-q", "--bare", work.toString(), "app.git");
        return dir.resolve("app.git");
    }

    private static void assertAllChanged(DeployResult r) {
        for (OperationOutcome o : r.outcomes()) {
            assertThat(o.status())
                    .as("%s: %s %s", o.name(), o.reason(), o.stderr())
                    .isEqualTo(OperationStatus.CHANGED);
        }
    }

    @Test
    void aShallowCloneChangesToABranchItDidNotClone() throws Exception {
        String src = "file://" + remote();
        String dest = dir.resolve("app").toString();
        assertAllChanged(run(host -> git.repo(new Repo(src, dest, "main", null, true, 1))));
        assertThat(git(dir, "-C", dest, "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("main");

        assertAllChanged(run(host -> git.repo(new Repo(src, dest, "dev", null, true, 1))));
        assertThat(git(dir, "-C", dest, "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("dev");
        assertThat(git(dir, "-C", dest, "log", "-1", "--format=%s")).isEqualTo("on dev");
        // The local branch tracks origin's, so git pull by hand works in the checkout too.
        assertThat(git(dir, "-C", dest, "rev-parse", "--abbrev-ref", "dev@{upstream}"))
                .isEqualTo("origin/dev");

        // Back and forth: the refspec for dev is not added a second time.
        assertAllChanged(run(host -> git.repo(new Repo(src, dest, "main", null, true, 1))));
        assertAllChanged(run(host -> git.repo(new Repo(src, dest, "dev", null, true, 1))));
        assertThat(git(dir, "-C", dest, "config", "--get-all", "remote.origin.fetch")
                        .lines()
                        .toList())
                .containsExactly(
                        "+refs/heads/main:refs/remotes/origin/main", "+refs/heads/dev:refs/remotes/origin/dev");
    }

    @Test
    void aCheckoutWhereOriginIsChangesNothingAndFollowsOriginWhenItMoves() throws Exception {
        Path remote = remote();
        String src = "file://" + remote;
        String dest = dir.resolve("app").toString();
        assertAllChanged(run(host -> git.repo(new Repo(src, dest, "main", null, true, null))));

        // Pull is on, but origin's main is where the checkout is: nothing to do, so handlers would not fire.
        DeployResult again = run(host -> git.repo(new Repo(src, dest, "main", null, true, null)));
        assertThat(again.outcomes())
                .allSatisfy(o -> assertThat(o.status()).as(o.reason()).isEqualTo(OperationStatus.UNCHANGED));

        Path work = dir.resolve("work");
        git(work, "checkout", "-q", "main");
        git(work, "commit", "-q", "--allow-empty", "-m", "later on main");
        git(work, "push", "-q", remote.toString(), "main");
        assertAllChanged(run(host -> git.repo(new Repo(src, dest, "main", null, true, null))));
        assertThat(git(dir, "-C", dest, "log", "-1", "--format=%s")).isEqualTo("later on main");
    }

    @Test
    void aCheckoutWithLocalCommitsOnTopOfOriginsChangesNothing() throws Exception {
        String src = "file://" + remote();
        String dest = dir.resolve("app").toString();
        assertAllChanged(run(host -> git.repo(new Repo(src, dest, "main", null, true, null))));
        git(dir, "-C", dest, "commit", "-q", "--allow-empty", "-m", "local only");

        // Fast-forwarding to origin's main would bring nothing: the checkout already holds it.
        DeployResult again = run(host -> git.repo(new Repo(src, dest, "main", null, true, null)));
        assertThat(again.outcomes())
                .allSatisfy(o -> assertThat(o.status()).as(o.reason()).isEqualTo(OperationStatus.UNCHANGED));
        assertThat(git(dir, "-C", dest, "log", "-1", "--format=%s")).isEqualTo("local only");
    }

    @Test
    void aBareRepositoryIsInitialisedOnceAndRemovedOnce() throws Exception {
        String path = dir.resolve("srv/app.git").toString();
        assertAllChanged(run(host -> git.bareRepo(path).arg("initialBranch", "trunk")));
        assertThat(git(dir, "--git-dir=" + path, "rev-parse", "--is-bare-repository"))
                .isEqualTo("true");
        assertThat(git(dir, "--git-dir=" + path, "symbolic-ref", "HEAD")).isEqualTo("refs/heads/trunk");
        assertThat(run(host -> git.bareRepo(path)).outcomes())
                .allSatisfy(o -> assertThat(o.status()).as(o.reason()).isEqualTo(OperationStatus.UNCHANGED));

        assertAllChanged(run(host -> git.bareRepo(path).absent()));
        assertThat(Path.of(path)).doesNotExist();
        assertThat(run(host -> git.bareRepo(path).absent()).outcomes())
                .allSatisfy(o -> assertThat(o.status()).as(o.reason()).isEqualTo(OperationStatus.UNCHANGED));
    }

    @Test
    void aWorktreeIsAddedOnceAndRemovedOnce() throws Exception {
        String src = "file://" + remote();
        String dest = dir.resolve("app").toString();
        String hotfix = dir.resolve("app-hotfix").toString();
        assertAllChanged(run(host -> git.repo(new Repo(src, dest, "main", null, true, null))));

        assertAllChanged(run(host -> git.worktree(dest, hotfix).arg("newBranch", "hotfix")));
        assertThat(git(dir, "-C", hotfix, "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("hotfix");
        assertThat(run(host -> git.worktree(dest, hotfix).arg("newBranch", "hotfix"))
                        .outcomes())
                .allSatisfy(o -> assertThat(o.status()).as(o.reason()).isEqualTo(OperationStatus.UNCHANGED));

        // Deleted by hand: git still remembers it and would refuse the path, so it is pruned and added again.
        try (var paths = Files.walk(Path.of(hotfix))) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
        assertAllChanged(run(host -> git.worktree(dest, hotfix).arg("commitish", "hotfix")));
        assertThat(git(dir, "-C", hotfix, "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("hotfix");

        assertAllChanged(run(host -> git.worktree(dest, hotfix).absent()));
        assertThat(Path.of(hotfix)).doesNotExist();
        assertThat(run(host -> git.worktree(dest, hotfix).absent()).outcomes())
                .allSatisfy(o -> assertThat(o.status()).as(o.reason()).isEqualTo(OperationStatus.UNCHANGED));
    }
}
