package dev.jinfra.engine.deploy;

import static dev.jinfra.deploy.Operations.files;
import static dev.jinfra.deploy.Operations.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.connect.LocalConnector;
import dev.jinfra.deploy.Deploy;
import dev.jinfra.deploy.Operations;
import dev.jinfra.inventory.Host;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testing.SshConnectorExtension;
import dev.jinfra.testkit.Fault;
import dev.jinfra.testkit.SshFleet;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DeployRunnerTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(5);

    @RegisterExtension
    static SshConnectorExtension sshExtension = new SshConnectorExtension();

    @TempDir
    Path dir;

    SshFleet fleet() {
        return fleetExtension.fleet();
    }

    List<Host> hosts() {
        return FleetHosts.all(fleet(), Map.of());
    }

    DeployResult run(Deploy deploy, boolean dry) {
        var local = new LocalConnector();
        return new DeployRunner(h -> h.isLocal() ? local : sshExtension.connector())
                .run(
                        hosts(),
                        List.of(deploy),
                        DeployRunner.Options.builder().parallel(100).dryRun(dry).build(),
                        new DeployListener() {});
    }

    /** Each in-process host shares this machine's file system, so every host gets a directory of its own. */
    Deploy directories() {
        return host -> {
            files.directory(dir.resolve(host.name()).toString(), "750");
            files.directory(dir.resolve(host.name()).resolve("releases").toString());
        };
    }

    @Test
    void aSecondRunChangesNothing() throws Exception {
        DeployResult first = run(directories(), false);
        assertThat(first.hostStates().values()).containsOnly(DeployHostState.CHANGED);
        assertThat(first.describe()).isEqualTo("5 of 5 hosts succeeded: 5 changed, 0 unchanged");
        Path made = dir.resolve(fleet().hostNames().getFirst());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made)))
                .isEqualTo("rwxr-x---");
        assertThat(made.resolve("releases")).isDirectory();

        DeployResult second = run(directories(), false);
        assertThat(second.hostStates().values()).containsOnly(DeployHostState.UNCHANGED);
        assertThat(second.outcomes()).allSatisfy(o -> assertThat(o.reason()).endsWith("is a directory as wanted"));
        // A no-change run gathers every operation's facts in one combined read per host, and does nothing else.
        assertThat(second.roundTrips().values()).containsOnly(1);
    }

    @Test
    void aDryRunShowsTheCommandsAndChangesNothing() {
        DeployResult dry = run(directories(), true);
        assertThat(dry.hostStates().values()).containsOnly(DeployHostState.CHANGED);
        assertThat(dry.describe()).contains("5 would change");
        assertThat(dry.outcomes().getFirst().commands())
                .singleElement()
                .asString()
                .startsWith("mkdir -p -m 750 -- ");
        assertThat(dir.resolve(fleet().hostNames().getFirst())).doesNotExist();
    }

    @Test
    void aFailedHostLeavesTheRunAndTheOthersGoOn() {
        String failing = fleet().hostNames().get(2);
        Deploy deploy = host -> {
            server.shell("[ \"$FLEET_HOST\" != " + failing + " ]").name("check");
            files.directory(dir.resolve(host.name()).toString());
        };
        DeployResult r = run(deploy, false);
        assertThat(r.hostStates().get(failing)).isEqualTo(DeployHostState.FAILED);
        assertThat(r.hostErrors().get(failing)).startsWith("check: exit 1");
        assertThat(r.count(DeployHostState.CHANGED)).isEqualTo(4);
        assertThat(r.outcomes())
                .filteredOn(o -> o.host().name().equals(failing))
                .extracting(OperationOutcome::status)
                .containsExactly(OperationStatus.FAILED, OperationStatus.SKIPPED);
        assertThat(dir.resolve(failing)).doesNotExist();
    }

    @Test
    void unreachableHostsAreTheirOwnState() {
        fleet().host(fleet().hostNames().get(1)).fault(Fault.REFUSE);
        DeployResult r = run(directories(), false);
        assertThat(r.hostStates().get(fleet().hostNames().get(1))).isEqualTo(DeployHostState.UNREACHABLE);
        assertThat(r.describe()).isEqualTo("4 of 5 hosts succeeded: 4 changed, 0 unchanged; 1 unreachable");
    }

    @Test
    void serialRunsOneHostAtATimeAndRunOnceOnlyTheFirst() {
        Deploy deploy = host -> {
            server.shell("echo start >> " + dir.resolve("log") + "; sleep 0.1; echo end >> " + dir.resolve("log"))
                    .serial();
            server.shell("echo once >> " + dir.resolve("once")).runOnce();
        };
        DeployResult r = run(deploy, false);
        assertThat(r.hostStates().values()).containsOnly(DeployHostState.CHANGED);
        List<String> log = readLines(dir.resolve("log"));
        assertThat(log).hasSize(10);
        for (int i = 0; i < log.size(); i += 2) {
            assertThat(log.subList(i, i + 2)).containsExactly("start", "end");
        }
        assertThat(readLines(dir.resolve("once"))).containsExactly("once");
        assertThat(r.outcomes())
                .filteredOn(o -> o.status() == OperationStatus.SKIPPED)
                .hasSize(4)
                .allSatisfy(o -> assertThat(o.reason()).startsWith("runs once, on "));
    }

    @Test
    void deployCodeThatThrowsFailsOnlyThatHostWithItsLine() {
        String bad = fleet().hostNames().get(0);
        Deploy deploy = host -> {
            if (host.name().equals(bad)) {
                throw new IllegalStateException("no app_repo for this host");
            }
            files.directory(dir.resolve(host.name()).toString());
        };
        DeployResult r = run(deploy, false);
        assertThat(r.hostStates().get(bad)).isEqualTo(DeployHostState.FAILED);
        assertThat(r.hostErrors().get(bad))
                .matches("deploy code failed: DeployRunnerTest.java:\\d+: no app_repo for this host");
        assertThat(r.count(DeployHostState.CHANGED)).isEqualTo(4);
    }

    @Test
    void deployCodeCanBranchOnFactsAndReadHostData() throws Exception {
        String first = fleet().hostNames().getFirst();
        Files.createDirectories(dir.resolve(first));
        Deploy deploy = host -> {
            var existing = Operations.fact(new dev.jinfra.ops.files.DirectoryInfo(
                    dir.resolve(host.name()).toString()));
            if (existing == null) {
                files.directory(dir.resolve(host.name()).resolve("new").toString())
                        .name("Fresh host: " + host.data("ssh_user"));
            }
        };
        DeployResult r = run(deploy, false);
        assertThat(r.hostStates().get(first)).isEqualTo(DeployHostState.UNCHANGED);
        assertThat(r.count(DeployHostState.CHANGED)).isEqualTo(4);
        assertThat(r.operations())
                .extracting(DeployListener.PlannedOperation::name)
                .containsExactly("Fresh host: " + fleet().user());
    }

    DeployResult runWith(Deploy deploy, DeployRunner.Options options) {
        return new DeployRunner(h -> sshExtension.connector())
                .run(hosts(), List.of(deploy), options, new DeployListener() {});
    }

    @Test
    void batchesRunTheWholeDeployOneBatchAfterAnother() {
        Path log = dir.resolve("log");
        Deploy deploy = host -> {
            server.shell("echo first $FLEET_HOST >> " + log).name("first");
            server.shell("echo second $FLEET_HOST >> " + log).name("second");
        };
        DeployResult r = runWith(
                deploy,
                DeployRunner.Options.builder()
                        .parallel(100)
                        .batching(dev.jinfra.engine.Batching.parse("2", java.time.Duration.ZERO))
                        .build());
        assertThat(r.hostStates().values()).containsOnly(DeployHostState.CHANGED);
        List<String> lines = readLines(log);
        // Both operations of a batch finish before the next batch's first operation starts.
        List<String> names = fleet().hostNames();
        assertThat(lines.indexOf("second " + names.get(0))).isLessThan(lines.indexOf("first " + names.get(2)));
        assertThat(lines.indexOf("second " + names.get(3))).isLessThan(lines.indexOf("first " + names.get(4)));
    }

    @Test
    void failFastStopsTheRunAfterTheOperationWhereAHostFailed() {
        String failing = fleet().hostNames().get(1);
        Deploy deploy = host -> {
            server.shell("[ \"$FLEET_HOST\" != " + failing + " ]").name("check");
            files.directory(dir.resolve(host.name()).toString()).name("dir");
        };
        DeployResult r = runWith(
                deploy,
                DeployRunner.Options.builder()
                        .parallel(100)
                        .budget(dev.jinfra.engine.FailureBudget.FAIL_FAST)
                        .build());
        assertThat(r.stopReason()).isEqualTo("a host failed (fail-fast)");
        // The failed host left the run: its later operation is skipped. The others did not get to theirs.
        assertThat(r.outcomes())
                .filteredOn(o -> o.name().equals("dir"))
                .allSatisfy(o -> assertThat(o.status())
                        .isEqualTo(
                                o.host().name().equals(failing) ? OperationStatus.SKIPPED : OperationStatus.NOT_RUN));
        assertThat(r.outcomes())
                .filteredOn(o -> o.status() == OperationStatus.NOT_RUN)
                .allSatisfy(o -> assertThat(o.reason()).isEqualTo("run stopped: a host failed (fail-fast)"));
        assertThat(r.count(DeployHostState.INCOMPLETE)).isEqualTo(4);
        assertThat(r.hostErrors().get(fleet().hostNames().getFirst()))
                .isEqualTo("not finished: run stopped: a host failed (fail-fast)");
        assertThat(r.describe())
                .endsWith(
                        "0 of 5 hosts succeeded: 0 changed, 0 unchanged; 1 failed; 4 incomplete (stopped: a host failed (fail-fast))");
    }

    @Test
    void aBatchInWhichEveryHostFailedStopsTheLaterBatches() {
        Deploy deploy = host -> server.shell("false").name("always fails");
        DeployResult r = runWith(
                deploy,
                DeployRunner.Options.builder()
                        .parallel(100)
                        .batching(dev.jinfra.engine.Batching.parse("2", java.time.Duration.ZERO))
                        .build());
        assertThat(r.count(DeployHostState.FAILED)).isEqualTo(2);
        assertThat(r.count(DeployHostState.NOT_STARTED)).isEqualTo(3);
        assertThat(r.hostErrors().get(fleet().hostNames().get(4)))
                .isEqualTo("not started: every host of batch 1 failed");
    }

    @Test
    void aFailureBudgetAllowsSomeFailures() {
        String failing = fleet().hostNames().get(0);
        Deploy deploy =
                host -> server.shell("[ \"$FLEET_HOST\" != " + failing + " ]").name("check");
        DeployResult within = runWith(
                deploy,
                DeployRunner.Options.builder()
                        .parallel(100)
                        .budget(dev.jinfra.engine.FailureBudget.maxPercent(25))
                        .build());
        assertThat(within.stopReason()).isNull();
        assertThat(within.count(DeployHostState.CHANGED)).isEqualTo(4);
    }

    @Test
    void cancellingStopsTheRunAndStillReportsEveryHost() throws Exception {
        var runner = new DeployRunner(h -> sshExtension.connector());
        Deploy deploy = host -> {
            server.shell("sleep 30").name("long");
            files.directory(dir.resolve(host.name()).toString()).name("after");
        };
        var running = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> runner.run(hosts(), List.of(deploy), DeployRunner.Options.defaults(), new DeployListener() {}));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        // Every host runs its long command (after the fact probe of the prepare phase).
        while (fleet().hosts().stream()
                                .filter(h -> h.commands().stream().anyMatch(c -> c.contains("sleep 30")))
                                .count()
                        < 5
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        long cancelledAt = System.nanoTime();
        runner.cancel();
        DeployResult r = running.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - cancelledAt))
                .isLessThan(java.time.Duration.ofSeconds(5));
        assertThat(r.interrupted()).isTrue();
        assertThat(r.hostStates()).hasSize(5);
        assertThat(r.outcomes())
                .filteredOn(o -> o.name().equals("after"))
                .allSatisfy(o -> assertThat(o.status()).isIn(OperationStatus.NOT_RUN, OperationStatus.SKIPPED));
        // The commands the cancel ended were interrupted, not lost.
        assertThat(r.outcomes())
                .filteredOn(o -> o.name().equals("long"))
                .allSatisfy(o -> assertThat(o.reason()).isEqualTo("interrupted: sleep 30"));
        assertThat(r.describe()).endsWith("(interrupted)");
    }

    @Test
    void cancellingWhileHostsWaitToConnectEndsThemAtOnceAsNotStarted() throws Exception {
        fleet().hostNames().forEach(n -> fleet().host(n).fault(Fault.HANG_CONNECT));
        // One handshake at a time: four hosts queue in the connector behind one that never answers.
        try (var ssh = dev.jinfra.connect.SshConnector.builder()
                .policy(new dev.jinfra.connect.ConnectionPolicy(1, 100))
                .build()) {
            var runner = new DeployRunner(h -> ssh);
            var hosts = FleetHosts.all(fleet(), Map.of(dev.jinfra.inventory.HostKeys.SSH_CONNECT_TIMEOUT, 10));
            Deploy deploy = host -> server.shell("true").name("never");
            var running = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> runner.run(hosts, List.of(deploy), DeployRunner.Options.defaults(), new DeployListener() {}));
            Thread.sleep(300);
            long cancelledAt = System.nanoTime();
            runner.cancel();
            DeployResult r = running.get(60, java.util.concurrent.TimeUnit.SECONDS);
            // Without stopping the queue, each host would wait out its ten-second connect timeout in turn.
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - cancelledAt))
                    .isLessThan(java.time.Duration.ofSeconds(2));
            assertThat(r.interrupted()).isTrue();
            assertThat(r.hostStates().values()).containsOnly(DeployHostState.NOT_STARTED);
            assertThat(fleet().hosts()).allSatisfy(h -> assertThat(h.commands()).isEmpty());
        }
    }

    @Test
    void aNoChangeRunOfTwentyOperationsCostsOneRoundTripPerHost() {
        Deploy twenty = host -> {
            for (int i = 0; i < 10; i++) {
                Path d = dir.resolve(host.name()).resolve("d" + i);
                files.directory(d.toString(), "750");
                files.file(d.resolve("f").toString(), "640");
            }
        };
        DeployResult first = run(twenty, false);
        assertThat(first.hostStates().values()).containsOnly(DeployHostState.CHANGED);
        DeployResult second = run(twenty, false);
        assertThat(second.hostStates().values()).containsOnly(DeployHostState.UNCHANGED);
        assertThat(second.outcomes()).hasSize(20 * 5);
        assertThat(second.roundTrips().values()).containsOnly(1);
    }

    @Test
    void putUploadsOnlyWhenTheContentDiffersAndReplacesAtomically() throws Exception {
        Path local = Files.writeString(dir.resolve("motd.txt"), "welcome to $(hostname)\n");
        Deploy deploy = host -> {
            files.directory(dir.resolve(host.name()).toString());
            files.put(local.toString(), dir.resolve(host.name()).resolve("motd").toString(), "640")
                    .name("motd");
        };
        DeployResult first = run(deploy, false);
        assertThat(first.hostStates().values()).containsOnly(DeployHostState.CHANGED);
        Path uploaded = dir.resolve(fleet().hostNames().getFirst()).resolve("motd");
        assertThat(Files.readString(uploaded)).isEqualTo("welcome to $(hostname)\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(uploaded)))
                .isEqualTo("rw-r-----");
        // Nothing is left behind: no upload in /tmp, no temporary file next to the destination.
        assertThat(Files.list(uploaded.getParent())
                        .map(p -> p.getFileName().toString())
                        .toList())
                .containsExactly("motd");

        DeployResult second = run(deploy, false);
        assertThat(second.hostStates().values()).containsOnly(DeployHostState.UNCHANGED);

        Files.writeString(local, "new text\n");
        DeployResult dry = run(deploy, true);
        OperationOutcome preview = dry.outcomes().stream()
                .filter(o -> o.name().equals("motd"))
                .findFirst()
                .orElseThrow();
        assertThat(preview.diff()).contains("-welcome to $(hostname)\n").contains("+new text\n");
        assertThat(Files.readString(uploaded)).isEqualTo("welcome to $(hostname)\n");
        DeployResult third = run(deploy, false);
        assertThat(third.outcomes())
                .filteredOn(o -> o.name().equals("motd"))
                .extracting(OperationOutcome::status)
                .containsOnly(OperationStatus.CHANGED);
        assertThat(Files.readString(uploaded)).isEqualTo("new text\n");
    }

    @Test
    void uploadsAndReplacingLinesAskAllTheirFactsInTheOneProbe() throws Exception {
        Path local = Files.writeString(dir.resolve("conf.txt"), "a=1\n");
        Deploy deploy = host -> {
            Path base = dir.resolve(host.name());
            files.directory(base.toString());
            for (int i = 0; i < 3; i++) {
                // The checksum (put) and the search (line with replace) are asked before the file is known to exist.
                files.put(local.toString(), base.resolve("put" + i).toString());
                files.file(base.resolve("conf" + i).toString());
                files.line(base.resolve("conf" + i).toString(), "x=1", "^x=");
            }
        };
        assertThat(run(deploy, false).hostStates().values()).containsOnly(DeployHostState.CHANGED);
        DeployResult again = run(deploy, false);
        assertThat(again.hostStates().values()).containsOnly(DeployHostState.UNCHANGED);
        assertThat(again.roundTrips().values()).containsOnly(1);
    }

    static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
