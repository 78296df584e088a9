package dev.jinfra.engine.deploy;

import static dev.jinfra.deploy.Operations.barrier;
import static dev.jinfra.deploy.Operations.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.deploy.Deploy;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testing.SshConnectorExtension;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class StrategyTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(3);

    @RegisterExtension
    static SshConnectorExtension sshExtension = new SshConnectorExtension();

    @TempDir
    Path dir;

    DeployResult run(Deploy deploy, DeployRunner.Strategy strategy) {
        return run(deploy, strategy, 100);
    }

    DeployResult run(Deploy deploy, DeployRunner.Strategy strategy, int parallel) {
        var options = DeployRunner.Options.builder()
                .parallel(parallel)
                .strategy(strategy)
                .build();
        return new DeployRunner(h -> sshExtension.connector())
                .run(
                        FleetHosts.all(fleetExtension.fleet(), Map.of()),
                        List.of(deploy),
                        options,
                        new DeployListener() {});
    }

    String name(int i) {
        return fleetExtension.fleet().hostNames().get(i);
    }

    /** Each operation is slow on a different host: linear waits for the slowest host of every operation. */
    Deploy staggered() {
        return host -> {
            for (int i = 0; i < 3; i++) {
                server.shell("if [ \"$FLEET_HOST\" = " + name(i) + " ]; then sleep 0.8; fi")
                        .name("step " + i);
            }
        };
    }

    @Test
    void freeTakesAboutTheSlowestHostsOwnTimeWhileLinearTakesTheSumOfEachOperationsSlowest() {
        long t0 = System.nanoTime();
        DeployResult linear = run(staggered(), DeployRunner.Strategy.LINEAR);
        Duration linearTook = Duration.ofNanos(System.nanoTime() - t0);
        t0 = System.nanoTime();
        DeployResult free = run(staggered(), DeployRunner.Strategy.FREE);
        Duration freeTook = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(linear.hostStates().values()).containsOnly(DeployHostState.CHANGED);
        assertThat(free.hostStates().values()).containsOnly(DeployHostState.CHANGED);
        // Linear: 3 operations x 0.8 s; free: each host sleeps 0.8 s once.
        assertThat(linearTook).isGreaterThanOrEqualTo(Duration.ofMillis(2400));
        // Free saves the two 0.8 s waits that linear adds; compared with linear's own time, so that a loaded
        // machine slows both alike.
        assertThat(freeTook).isLessThan(linearTook.minusMillis(1000));
        assertThat(free.outcomes()).hasSize(9);
    }

    @Test
    void underFreeAnOperationIsReportedOnceEveryHostIsDoneWithItNotAtTheEnd() {
        // The last host is slow in its last operation only: the first two are reported before it ends.
        List<String> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Deploy deploy = host -> {
            server.shell("true").name("one");
            server.shell("true").name("two");
            server.shell("if [ \"$FLEET_HOST\" = " + name(2) + " ]; then sleep 1; fi")
                    .name("three");
        };
        // Not pipelined: the three would go to each host as one script, and come back together.
        var options = DeployRunner.Options.builder()
                .parallel(100)
                .strategy(DeployRunner.Strategy.FREE)
                .pipeline(false)
                .build();
        long t0 = System.nanoTime();
        new DeployRunner(h -> sshExtension.connector())
                .run(FleetHosts.all(fleetExtension.fleet(), Map.of()), List.of(deploy), options, new DeployListener() {
                    @Override
                    public void operationFinished(
                            int number, int total, PlannedOperation operation, List<OperationOutcome> outcomes) {
                        events.add(operation.name() + "@" + (System.nanoTime() - t0) / 1_000_000);
                    }
                });
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).startsWith("one@");
        assertThat(events.get(2)).startsWith("three@");
        long twoAt = Long.parseLong(events.get(1).substring(4));
        long threeAt = Long.parseLong(events.get(2).substring(6));
        assertThat(threeAt - twoAt)
                .as("'two' reported before the slow host finished 'three': %s", events)
                .isGreaterThan(600);
    }

    @Test
    void aBarrierMakesFreeHostsWaitForEachOther() throws Exception {
        Path log = dir.resolve("log");
        Deploy deploy = host -> {
            server.shell("if [ \"$FLEET_HOST\" = " + name(0) + " ]; then sleep 0.5; fi; echo before >> " + log)
                    .name("before");
            barrier();
            server.shell("echo after >> " + log).name("after");
        };
        DeployResult r = run(deploy, DeployRunner.Strategy.FREE);
        assertThat(r.hostStates().values()).containsOnly(DeployHostState.CHANGED);
        assertThat(Files.readAllLines(log)).containsExactly("before", "before", "before", "after", "after", "after");
    }

    @Test
    void serialOperationsStillRunOneHostAtATimeUnderFree() throws Exception {
        Path log = dir.resolve("log");
        Deploy deploy = host -> server.shell("echo start >> " + log + "; sleep 0.1; echo end >> " + log)
                .name("rolling")
                .serial();
        DeployResult r = run(deploy, DeployRunner.Strategy.FREE);
        assertThat(r.hostStates().values()).containsOnly(DeployHostState.CHANGED);
        assertThat(Files.readAllLines(log)).containsExactly("start", "end", "start", "end", "start", "end");
    }

    @Test
    void aHostThatFailsUnderFreeLeavesMeetingPointsSoOthersDoNotWait() {
        Deploy deploy = host -> {
            server.shell("[ \"$FLEET_HOST\" != " + name(1) + " ]").name("check");
            barrier();
            server.shell("true").name("after");
        };
        DeployResult r = run(deploy, DeployRunner.Strategy.FREE);
        assertThat(r.hostStates().get(name(1))).isEqualTo(DeployHostState.FAILED);
        assertThat(r.count(DeployHostState.CHANGED)).isEqualTo(2);
    }

    @Test
    void freeHonoursParallelAlsoAcrossABarrier() throws Exception {
        // Each step marks its host as busy, logs how many hosts are busy at that moment, and stays busy a while.
        Path busy = Files.createDirectories(dir.resolve("busy"));
        Path counts = dir.resolve("counts");
        String step = "touch " + busy + "/$FLEET_HOST; ls " + busy + " | wc -l >> " + counts + "; sleep 0.3; rm " + busy
                + "/$FLEET_HOST";
        Deploy deploy = host -> {
            server.shell(step).name("one");
            server.shell(step).name("two");
            barrier();
            server.shell(step).name("three");
        };
        DeployResult r = run(deploy, DeployRunner.Strategy.FREE, 2);
        assertThat(r.hostStates().values()).containsOnly(DeployHostState.CHANGED);
        List<Integer> seen = Files.readAllLines(counts).stream()
                .map(String::strip)
                .map(Integer::parseInt)
                .toList();
        assertThat(seen).hasSize(9).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
    }
}
