package dev.jinfra.engine.deploy;

import static dev.jinfra.deploy.Operations.files;
import static dev.jinfra.deploy.Operations.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.deploy.Deploy;
import dev.jinfra.inventory.Host;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testing.SshConnectorExtension;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Two runs of one deploy on the same hosts at once: one changes them, the other never interleaves. */
class HostLockTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(4);

    @RegisterExtension
    static SshConnectorExtension sshExtension = new SshConnectorExtension();

    @TempDir
    Path dir;

    List<Host> hosts() {
        return FleetHosts.all(fleetExtension.fleet(), Map.of());
    }

    /** Each in-process host locks in its own home (the fleet sets JINFRA_LOCK_DIR there). */
    Path lockOf(String host) {
        return fleetExtension.fleet().host(host).home().resolve("jinfra.lock");
    }

    Path conf(String host) {
        return dir.resolve(host + ".conf");
    }

    /** Two lines in a file, with a pause between them long enough for another run to start. */
    Deploy deploy() {
        return host -> {
            files.line(conf(host.name()).toString(), "first=1");
            server.shell("sleep 3").name("pause");
            files.line(conf(host.name()).toString(), "second=2");
        };
    }

    /** The two lines alone, with nothing between them that would make a run read the host again anyway. */
    Deploy linesOnly() {
        return host -> {
            files.line(conf(host.name()).toString(), "first=1");
            files.line(conf(host.name()).toString(), "second=2");
        };
    }

    DeployResult run(LockPolicy lock) {
        return run(deploy(), lock);
    }

    DeployResult run(Deploy deploy, LockPolicy lock) {
        return new DeployRunner(h -> sshExtension.connector())
                .run(
                        hosts(),
                        List.of(deploy),
                        DeployRunner.Options.builder().lock(lock).build(),
                        new DeployListener() {});
    }

    void awaitLocks() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!fleetExtension.fleet().hostNames().stream().allMatch(h -> Files.isDirectory(lockOf(h)))) {
            assertThat(System.nanoTime()).as("the first run locked every host").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    void emptyFiles() throws Exception {
        for (String h : fleetExtension.fleet().hostNames()) {
            Files.writeString(conf(h), "");
        }
    }

    @Test
    void aSecondRunReportsEveryHostLockedAndTheFilesStayCorrect() throws Exception {
        emptyFiles();
        var first = CompletableFuture.supplyAsync(() -> run(LockPolicy.DEFAULT));
        awaitLocks();
        DeployResult second = run(LockPolicy.DEFAULT);
        DeployResult one = first.join();

        assertThat(one.hostStates().values()).as(one.hostErrors().toString()).containsOnly(DeployHostState.CHANGED);
        assertThat(second.hostStates().values()).containsOnly(DeployHostState.FAILED);
        assertThat(second.hostErrors().values())
                .allSatisfy(e -> assertThat(e)
                        .contains("locked by another jinfra run: ")
                        .contains("@")
                        .contains("process " + ProcessHandle.current().pid())
                        .contains("--lock-timeout"));
        for (String h : fleetExtension.fleet().hostNames()) {
            assertThat(Files.readString(conf(h))).isEqualTo("first=1\nsecond=2\n");
            assertThat(lockOf(h)).as("the lock is given back").doesNotExist();
        }
    }

    @Test
    void aRunThatWaitsForTheLockReadsTheHostAgainAndFindsNothingToDo() throws Exception {
        emptyFiles();
        var first = CompletableFuture.supplyAsync(() -> run(LockPolicy.DEFAULT));
        awaitLocks();
        // Its facts are read before the first run finished (the lines missing), but planned again once it holds
        // the lock: the lines are there by then, so adding them again would duplicate them.
        DeployResult second = run(linesOnly(), new LockPolicy(true, Duration.ofSeconds(30), false));
        first.join();

        assertThat(second.hostStates().values())
                .as(second.hostErrors().toString())
                .containsOnly(DeployHostState.UNCHANGED);
        for (String h : fleetExtension.fleet().hostNames()) {
            assertThat(Files.readString(conf(h))).isEqualTo("first=1\nsecond=2\n");
            assertThat(lockOf(h)).doesNotExist();
        }
    }

    @Test
    void aLockLeftByARunThatIsGoneIsExplainedAndBrokenOnlyWhenAsked() throws Exception {
        emptyFiles();
        long gone = new ProcessBuilder("true").start().pid();
        String controller = java.net.InetAddress.getLocalHost().getHostName();
        for (String h : fleetExtension.fleet().hostNames()) {
            Files.createDirectories(lockOf(h));
            Files.writeString(
                    lockOf(h).resolve("holder"),
                    "run=dead\nby=ops@" + controller + "\npid=" + gone + "\nsince="
                            + (System.currentTimeMillis() / 1000 - 90) + "\n");
        }
        // Wait until that process has surely ended.
        ProcessHandle.of(gone).ifPresent(p -> p.onExit().join());

        DeployResult refused = run(LockPolicy.DEFAULT);
        assertThat(refused.hostErrors().values())
                .allSatisfy(e -> assertThat(e)
                        .contains("locked by a jinfra run that is gone (ops@" + controller + ", process " + gone
                                + " no longer runs, for 1 min")
                        .contains("--break-lock removes the lock"));
        for (String h : fleetExtension.fleet().hostNames()) {
            assertThat(Files.readString(conf(h))).isEmpty();
        }

        List<String> brokenLocks = new java.util.concurrent.CopyOnWriteArrayList<>();
        DeployResult broken = new DeployRunner(h -> sshExtension.connector())
                .run(
                        hosts(),
                        List.of(deploy()),
                        DeployRunner.Options.builder()
                                .lock(new LockPolicy(true, Duration.ZERO, true))
                                .build(),
                        new DeployListener() {
                            @Override
                            public void lockBroken(Host host, String holder) {
                                brokenLocks.add(host.name() + ": " + holder);
                            }
                        });
        assertThat(brokenLocks)
                .containsExactlyInAnyOrderElementsOf(fleetExtension.fleet().hostNames().stream()
                        .map(h -> h + ": ops@" + controller + ", process " + gone)
                        .toList());
        assertThat(broken.hostStates().values()).containsOnly(DeployHostState.CHANGED);
        for (String h : fleetExtension.fleet().hostNames()) {
            assertThat(Files.readString(conf(h))).isEqualTo("first=1\nsecond=2\n");
            assertThat(lockOf(h)).doesNotExist();
        }
    }

    @Test
    void aRunStoppedWhileTakingTheLockSaysItWasInterruptedNotThatTheHostsLostTheirConnection() throws Exception {
        emptyFiles();
        // Every command starts two seconds late: the run is stopped while each host's lock command waits.
        fleetExtension.fleet().hosts().forEach(h -> h.fault(dev.jinfra.testkit.Fault.slow(Duration.ofSeconds(2))));
        var runner = new DeployRunner(h -> sshExtension.connector());
        var run = CompletableFuture.supplyAsync(
                () -> runner.run(hosts(), List.of(deploy()), DeployRunner.Options.defaults(), new DeployListener() {}));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!fleetExtension.fleet().hosts().stream()
                .allMatch(h -> h.commands().stream().anyMatch(c -> c.contains("jinfra.lock")))) {
            assertThat(System.nanoTime())
                    .as("every host was sent its lock command")
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
        runner.cancel();
        DeployResult r = run.join();

        assertThat(r.interrupted()).isTrue();
        assertThat(r.hostErrors().values())
                .hasSize(4)
                .allSatisfy(e -> assertThat(e).contains("interrupted").doesNotContain("connection lost"));
        for (String h : fleetExtension.fleet().hostNames()) {
            assertThat(Files.readString(conf(h))).isEmpty();
            assertThat(lockOf(h)).doesNotExist();
        }
    }

    @Test
    void aRunThatChangesNothingTakesNoLock() throws Exception {
        for (String h : fleetExtension.fleet().hostNames()) {
            Files.writeString(conf(h), "first=1\nsecond=2\n");
            Files.createDirectories(lockOf(h));
        }
        DeployResult r = new DeployRunner(h -> sshExtension.connector())
                .run(
                        hosts(),
                        List.of(host -> files.line(conf(host.name()).toString(), "first=1")),
                        DeployRunner.Options.builder().build(),
                        new DeployListener() {});
        // Another run's lock is in place, and this run needs none: it reads, finds nothing to do, and succeeds.
        assertThat(r.hostStates().values()).containsOnly(DeployHostState.UNCHANGED);
        assertThat(r.roundTrips().values()).containsOnly(1);
        for (String h : fleetExtension.fleet().hostNames()) {
            Files.delete(lockOf(h));
        }
    }
}
