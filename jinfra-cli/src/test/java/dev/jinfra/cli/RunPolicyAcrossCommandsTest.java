package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.Fault;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * exec, fact and deploys take the same run-policy options and mean them alike: batches and the pause between
 * them (which Ctrl-C ends at once), failure budgets, and the confirmation above a host count.
 */
class RunPolicyAcrossCommandsTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(8);

    @TempDir
    Path cwd;

    enum Kind {
        EXEC,
        FACT,
        DEPLOY;

        /** The command line for this kind of run, with {@code options} where its options go. */
        List<String> args(Path cwd, String inventory, String... options) throws Exception {
            List<String> all = new ArrayList<>(List.of(inventory));
            switch (this) {
                case EXEC -> {
                    all.add("exec");
                    all.addAll(List.of(options));
                    all.addAll(List.of("--", "true"));
                }
                case FACT -> {
                    all.addAll(List.of("fact", "DirectoryInfo", "path=" + cwd));
                    all.addAll(List.of(options));
                }
                case DEPLOY -> {
                    Files.writeString(cwd.resolve("deploy.java"), """
                            void deploy(Host host) {
                                server.shell("true").name("check");
                            }
                            """);
                    all.add("deploy.java");
                    all.addAll(List.of(options));
                }
            }
            return all;
        }
    }

    String inventory() {
        return fleetExtension.fleet().inventoryYaml().toString();
    }

    List<String> retryListed() throws Exception {
        return Files.readAllLines(cwd.resolve(".jinfra/failed-hosts")).stream()
                .filter(l -> !l.startsWith("#"))
                .toList();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailureBudgetStopsStartingHostsAlike(Kind kind) throws Exception {
        fleetExtension.fleet().host("web-001").fault(Fault.REFUSE);
        fleetExtension.fleet().host("web-002").fault(Fault.REFUSE);
        CliRun r = CliRun.run(
                cwd,
                kind.args(cwd, inventory(), "--parallel", "1", "--max-fail", "1", "--yes")
                        .toArray(String[]::new));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOSTS_UNREACHABLE);
        assertThat(r.err()).as(r.toString()).contains("run stopped: more than 1 host failed (--max-fail 1)");
        // Two unreachable, and the six after them never started: all eight are to be retried.
        assertThat(r.out()).contains("not started");
        if (kind != Kind.FACT) {
            assertThat(retryListed()).hasSize(8);
        }
        assertThat(fleetExtension.fleet().hosts())
                .allSatisfy(h -> assertThat(h.commands()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailurePercentageCountsTheBatchAlike(Kind kind) throws Exception {
        fleetExtension.fleet().host("web-001").fault(Fault.REFUSE);
        // One of the first batch's four hosts is 25 %: over a budget of 20 %, so the second batch never starts.
        CliRun r = CliRun.run(
                cwd,
                kind.args(cwd, inventory(), "--batch", "4", "--fail-percent", "20", "--yes")
                        .toArray(String[]::new));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOSTS_UNREACHABLE);
        assertThat(r.err()).contains("run stopped: more than 20% of hosts failed");
        for (String later : List.of("web-005", "web-006", "web-007", "web-008")) {
            assertThat(fleetExtension.fleet().host(later).commands()).as(later).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aConfirmationThresholdNeedsYesWithoutATerminal(Kind kind) throws Exception {
        CliRun r = CliRun.run(
                cwd, kind.args(cwd, inventory(), "--confirm-over", "3").toArray(String[]::new));
        if (kind == Kind.FACT) {
            // Reading a fact changes nothing: there is nothing to confirm.
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
            return;
        }
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("more than --confirm-over 3").contains("--yes");
        assertThat(fleetExtension.fleet().hosts())
                .allSatisfy(h -> assertThat(h.commands())
                        .filteredOn(c -> c.equals("true"))
                        .isEmpty());
        CliRun yes = CliRun.run(
                cwd, kind.args(cwd, inventory(), "--confirm-over", "3", "--yes").toArray(String[]::new));
        assertThat(yes.exitCode()).as(yes.toString()).isEqualTo(ExitCode.OK);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void ctrlCDuringTheDelayBetweenBatchesStopsAtOnce(Kind kind) throws Exception {
        long signalled;
        String report;
        int exit;
        try (var jinfra = JinfraProcess.start(
                cwd, kind.args(cwd, inventory(), "--batch", "4", "--batch-delay", "60s", "--yes"))) {
            // The first batch has run once each of its hosts ran its command; then the 60 s pause begins.
            jinfra.awaitWhileRunning(() -> firstBatchDone() >= 4, Duration.ofSeconds(60));
            Thread.sleep(500);
            signalled = System.nanoTime();
            jinfra.interrupt();
            assertThat(jinfra.waitFor(Duration.ofSeconds(20))).isTrue();
            exit = jinfra.exitCode();
            report = jinfra.out() + jinfra.err();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(10));
        assertThat(exit).as(report).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(report).contains("not started");
        for (String later : List.of("web-005", "web-006", "web-007", "web-008")) {
            assertThat(fleetExtension.fleet().host(later).commands()).as(later).isEmpty();
        }
    }

    private static long firstBatchDone() {
        return fleetExtension.fleet().hosts().subList(0, 4).stream()
                .filter(h -> !h.commands().isEmpty())
                .count();
    }
}
