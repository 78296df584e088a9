package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jinfra.cli.output.Shard;
import dev.jinfra.testkit.Fault;
import dev.jinfra.testkit.SshFleet;
import dev.jinfra.testkit.SshFleetExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run split into {@link #SHARDS} shards, each a jinfra process of its own, and merged with {@code jinfra
 * report}, gives what the same run made by one process gives: the folded report, the JSON lines, the exit code
 * and {@code .jinfra/failed-hosts}; for exec and for a deploy, on {@link #HOSTS} in-process hosts (200 unless
 * {@code -Dshards.hosts=N}) of which the names ending in 3 fail and every 25th refuses connections. A shard
 * missing and a shard killed mid-run are named, their hosts counted as not started.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ShardedRunsTest {
    static final int HOSTS = Integer.parseInt(FaultSuiteTest.property("jinfra.shards.hosts", "200"));
    static final int SHARDS = 4;
    static final String RUN_ID = "ci-run-17";
    static final String COMMAND = "case \"$FLEET_HOST\" in *3) echo broken >&2; exit 3;; *) echo ok;; esac";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(HOSTS);

    @TempDir
    Path dir;

    Path results;

    @BeforeEach
    void someHostsRefuseConnections() throws IOException {
        fleet().clearFaults();
        for (int i = 0; i < HOSTS; i += 25) {
            fleet().hosts().get(i + 7 < HOSTS ? i + 7 : i).fault(Fault.REFUSE);
        }
        results = Files.createDirectories(dir.resolve("results"));
    }

    SshFleet fleet() {
        return fleetExtension.fleet();
    }

    List<String> execArgs(String... extra) {
        List<String> args = new ArrayList<>(List.of(fleet().inventoryYaml().toString(), "exec"));
        args.addAll(List.of("--connect-timeout", "60s"));
        args.addAll(List.of(extra));
        args.addAll(List.of("--", COMMAND));
        return args;
    }

    @Test
    void execInFourShardsMergesIntoTheReportExitCodeAndRetryFileOfOneRun() throws Exception {
        Path single = Files.createDirectories(dir.resolve("single"));
        CliRun whole = CliRun.run(single, execArgs("--json-file", "run.json").toArray(String[]::new));
        assertThat(whole.exitCode()).as(whole.toString()).isEqualTo(ExitCode.HOSTS_FAILED);

        runShards(i -> execArgs(shardArgs(i)));

        Path merged = Files.createDirectories(dir.resolve("merged"));
        CliRun report = CliRun.run(merged, "report", results.toString());
        assertThat(report.exitCode()).as(report.toString()).isEqualTo(whole.exitCode());
        assertThat(withoutTime(report.out())).isEqualTo(withoutTime(whole.out()));
        assertThat(report.err()).doesNotContain("missing").doesNotContain("did not finish");
        assertThat(FailedHostsFile.read(merged).byState())
                .isEqualTo(FailedHostsFile.read(single).byState())
                .isNotEmpty();

        CliRun reportJson = CliRun.run(merged, "report", "--json", results.toString());
        assertThat(reportJson.exitCode()).isEqualTo(whole.exitCode());
        // Hosts are written as they finish, in an order of their own in every run.
        assertThat(comparable(reportJson.outLines()))
                .containsExactlyInAnyOrderElementsOf(comparable(Files.readAllLines(single.resolve("run.json"))));
        assertThat(comparable(reportJson.outLines()).getLast())
                .isEqualTo(comparable(Files.readAllLines(single.resolve("run.json")))
                        .getLast());
        JsonNode run = JSON.readTree(reportJson.outLines().getFirst());
        assertThat(run.get("run_id").asText()).isEqualTo(RUN_ID);
        assertThat(run.get("shard").isNull()).isTrue();
    }

    @Test
    void aMissingShardAndAKilledOneAreNamedAndTheirHostsCountAsNotStarted() throws Exception {
        runShards(i -> execArgs(shardArgs(i)));
        List<String> third = hostsOfShard(3);

        Files.delete(results.resolve("shard-3.json"));
        Path merged = Files.createDirectories(dir.resolve("merged"));
        CliRun report = CliRun.run(merged, "report", results.toString());
        assertThat(report.exitCode()).as(report.toString()).isEqualTo(ExitCode.HOSTS_FAILED);
        assertThat(report.err()).contains("jinfra: shard 3/4 missing: no file has it; its hosts count as not started");
        assertThat(SummaryLine.counts(report.out()))
                .containsEntry("hosts", HOSTS)
                .containsEntry("not started", third.size());
        assertThat(report.out()).contains("(stopped: shard 3/4 missing)");
        assertThat(FailedHostsFile.read(merged).hosts("not started")).isEqualTo(new TreeSet<>(third));

        // Shard 2 again, killed while some of its hosts are still running their command.
        List<String> second = hostsOfShard(2);
        List<String> slow = second.subList(0, second.size() / 2);
        slow.forEach(h -> fleet().host(h).fault(Fault.slow(Duration.ofMinutes(2))));
        Path killedFile = results.resolve("shard-2.json");
        Files.delete(killedFile);
        try (var killed = JinfraProcess.start(Files.createDirectories(dir.resolve("killed")), execArgs(shardArgs(2)))) {
            killed.awaitWhileRunning(
                    () -> hostLines(killedFile) >= second.size() - slow.size() - 1, Duration.ofMinutes(2));
            assertThat(killed.waitFor(Duration.ZERO))
                    .as("still running when killed")
                    .isFalse();
            new ProcessBuilder("kill", "-KILL", Long.toString(killed.pid()))
                    .start()
                    .waitFor();
            assertThat(killed.waitFor(Duration.ofSeconds(30))).isTrue();
        }
        // Killed while it wrote a line: the last line is cut short.
        Files.writeString(killedFile, "{\"type\":\"host\",\"host\":\"web-", java.nio.file.StandardOpenOption.APPEND);
        int finished = hostLines(killedFile);
        assertThat(finished).as("hosts the killed shard finished").isPositive();

        report = CliRun.run(merged, "report", results.toString());
        assertThat(report.exitCode()).as(report.toString()).isEqualTo(ExitCode.HOSTS_FAILED);
        assertThat(report.err())
                .contains("jinfra: shard 3/4 missing")
                .contains("jinfra: shard 2/4 did not finish (" + killedFile + " has no summary)");
        assertThat(SummaryLine.counts(report.out()))
                .containsEntry("hosts", HOSTS)
                .containsEntry("not started", third.size() + second.size() - finished);
        assertThat(report.out()).contains("(stopped: shard 3/4 missing; shard 2/4 did not finish)");
        assertThat(FailedHostsFile.read(merged).hosts("not started"))
                .containsAll(third)
                .containsAll(slow);
    }

    @Test
    void filesOfDifferentRunsAreRefusedInOneLine() throws Exception {
        runShards(i -> execArgs(shardArgs(i)));
        Path other = dir.resolve("other.json");
        Files.writeString(
                other,
                Files.readString(results.resolve("shard-3.json"))
                        .replace("\"run_id\":\"" + RUN_ID + "\"", "\"run_id\":\"ci-run-18\""));
        Files.delete(results.resolve("shard-3.json"));
        CliRun r = CliRun.run(dir, "report", results.toString(), other.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err())
                .startsWith("jinfra: " + other + " is of another run than " + results.resolve("shard-1.json"))
                .contains("run id 'ci-run-18', not '" + RUN_ID + "'");
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve(".jinfra/failed-hosts")).doesNotExist();
    }

    @Test
    void aDeployInFourShardsMergesIntoTheReportExitCodeAndRetryFileOfOneRun() throws Exception {
        Path single = Files.createDirectories(dir.resolve("single"));
        CliRun whole =
                CliRun.run(single, deployArgs(single, "--json-file", "run.json").toArray(String[]::new));
        assertThat(whole.exitCode()).as(whole.toString()).isEqualTo(ExitCode.HOSTS_FAILED);
        assertThat(whole.out()).contains("--> Proposed changes: 4 operations on ");
        // The shards start from where the single run started.
        deleteTree(dir.resolve("hosts"));

        runShards(i -> deployArgs(dir.resolve("shard-" + i), shardArgs(i)));

        Path merged = Files.createDirectories(dir.resolve("merged"));
        CliRun report = CliRun.run(merged, "report", results.toString());
        assertThat(report.exitCode()).as(report.toString()).isEqualTo(whole.exitCode());
        assertThat(withoutTime(report.out())).isEqualTo(withoutTime(whole.out()));
        assertThat(FailedHostsFile.read(merged).byState())
                .isEqualTo(FailedHostsFile.read(single).byState())
                .containsKeys("failed", "unreachable");

        CliRun reportJson = CliRun.run(merged, "report", "--json", results.toString());
        assertThat(reportJson.exitCode()).isEqualTo(whole.exitCode());
        List<String> expected = comparable(Files.readAllLines(single.resolve("run.json")));
        List<String> mergedLines = comparable(reportJson.outLines());
        assertThat(mergedLines.getLast()).isEqualTo(expected.getLast());
        // Facts are not merged: the report's plan, proposal and results are; hosts finish in an order of their own.
        assertThat(mergedLines)
                .containsExactlyInAnyOrderElementsOf(expected.stream()
                        .filter(l -> !l.startsWith("{\"type\":\"fact\""))
                        .toList());

        // Shard 3 lost, shard 2 cut off halfway through its lines, as a controller killed mid-run leaves it.
        Files.delete(results.resolve("shard-3.json"));
        Path cut = results.resolve("shard-2.json");
        List<String> lines = Files.readAllLines(cut);
        Files.writeString(cut, String.join("\n", lines.subList(0, lines.size() / 2)) + "\n{\"type\":\"res");
        CliRun partial = CliRun.run(merged, "report", results.toString());
        assertThat(partial.exitCode()).as(partial.toString()).isEqualTo(ExitCode.HOSTS_FAILED);
        assertThat(partial.err())
                .contains("jinfra: shard 3/4 missing: no file has it; its hosts count as not started")
                .contains("jinfra: shard 2/4 did not finish (" + cut + " has no summary)");
        assertThat(partial.out()).contains("(stopped: shard 3/4 missing; shard 2/4 did not finish)");
        FailedHostsFile retry = FailedHostsFile.read(merged);
        SummaryLine.assertAgreement(partial.out(), retry, HOSTS, partial.toString());
        assertThat(retry.hosts("not started")).containsAll(hostsOfShard(3));
        assertThat(retry.allHosts())
                .as("no host of an unfinished shard succeeded")
                .containsAll(hostsOfShard(2));
    }

    /**
     * A deploy of four operations in {@code cwd}, the third of which fails on the hosts whose names end in 3. The
     * in-process hosts share this machine: each keeps its files in a directory of its own under {@code hosts}.
     */
    List<String> deployArgs(Path cwd, String... extra) {
        write(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    String base = host.data("base") + "/" + host.name();
                    files.directory(base).name("base directory");
                    files.directory(base + "/etc").name("etc directory");
                    server.shell("case " + host.name() + " in *3) echo broken >&2; exit 3;; esac").name("check");
                    files.directory(base + "/done").name("done directory");
                }
                """);
        List<String> args = new ArrayList<>(List.of(fleet().inventoryYaml().toString(), "deploy.java", "--yes"));
        args.addAll(List.of("--connect-timeout", "60s", "-d", "base=" + dir.resolve("hosts")));
        args.addAll(List.of(extra));
        return args;
    }

    static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String[] shardArgs(int i) {
        return new String[] {
            "--shard",
            i + "/" + SHARDS,
            "--run-id",
            RUN_ID,
            "--json-file",
            results.resolve("shard-" + i + ".json").toString()
        };
    }

    /** Every shard at once, each a process of its own in a directory of its own, as controllers would run them. */
    void runShards(IntFunction<List<String>> args) throws Exception {
        List<JinfraProcess> running = new ArrayList<>();
        try {
            for (int i = 1; i <= SHARDS; i++) {
                running.add(JinfraProcess.start(Files.createDirectories(dir.resolve("shard-" + i)), args.apply(i)));
            }
            for (JinfraProcess p : running) {
                if (!p.waitFor(Duration.ofMinutes(5))) {
                    // Seen once in CI and not since: what the shard was waiting on is the point of the message.
                    throw new AssertionError("a shard did not end in 5 minutes; its stderr:\n" + p.err()
                            + "\nits threads:\n" + p.threadDump());
                }
                assertThat(p.exitCode())
                        .as(p.err())
                        .isIn(ExitCode.OK, ExitCode.HOSTS_FAILED, ExitCode.HOSTS_UNREACHABLE);
            }
        } finally {
            running.forEach(JinfraProcess::close);
        }
    }

    List<String> hostsOfShard(int i) {
        return fleet().hostNames().stream()
                .filter(h -> Shard.of(h, SHARDS) == i)
                .toList();
    }

    static int hostLines(Path file) {
        try {
            return (int) Files.readAllLines(file).stream()
                    .filter(l -> l.startsWith("{\"type\":\"host\"") && l.endsWith("}"))
                    .count();
        } catch (IOException e) {
            return 0; // Not written yet.
        }
    }

    /** The summary line's time is the run's own. */
    static String withoutTime(String report) {
        return report.replaceAll("(?m) in \\d+\\.\\ds$", " in (time)");
    }

    /** JSON lines without what differs from run to run: times, and the run's name and start. */
    static List<String> comparable(List<String> lines) throws IOException {
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            ObjectNode o = (ObjectNode) JSON.readTree(line);
            o.remove(List.of("duration_ms", "elapsed_ms", "run_id", "started", "shard"));
            kept.add(o.toString());
        }
        return kept;
    }
}
