package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.Fault;
import dev.jinfra.testkit.SshFleet;
import dev.jinfra.testkit.SshFleetExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code jinfra report} on the shards of small runs made in this JVM: facts, standard input, files it refuses. */
class ReportCommandTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(12);

    @TempDir
    Path cwd;

    SshFleet fleet() {
        return fleetExtension.fleet();
    }

    @BeforeEach
    void twoHostsRefuseConnections() {
        fleet().clearFaults();
        fleet().host("web-004").fault(Fault.REFUSE);
        fleet().host("web-009").fault(Fault.REFUSE);
    }

    CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(fleet().inventoryYaml().toString()));
        all.addAll(List.of(args));
        return CliRun.run(cwd, all.toArray(String[]::new));
    }

    /** The fact, read by three shards into shards/N.json. */
    void readInThreeShards(String... fact) {
        for (int i = 1; i <= 3; i++) {
            List<String> args = new ArrayList<>(List.of("fact"));
            args.addAll(List.of(fact));
            args.addAll(List.of("--shard", i + "/3", "--run-id", "facts-1", "--json-file", "shards/" + i + ".json"));
            CliRun shard = run(args.toArray(String[]::new));
            assertThat(shard.exitCode()).as(shard.toString()).isIn(ExitCode.OK, ExitCode.HOSTS_UNREACHABLE);
        }
    }

    @Test
    void aFactReadInShardsIsReportedAsOneRunWouldReportIt() throws Exception {
        Path dir = Files.createDirectory(cwd.resolve("app"));
        CliRun whole = run("fact", "DirectoryInfo", "path=" + dir);
        readInThreeShards("DirectoryInfo", "path=" + dir);

        CliRun report = CliRun.run(cwd, "report", "shards");
        assertThat(report.exitCode()).as(report.toString()).isEqualTo(ExitCode.HOSTS_UNREACHABLE);
        assertThat(ShardedRunsTest.withoutTime(report.out())).isEqualTo(ShardedRunsTest.withoutTime(whole.out()));
        assertThat(report.out()).contains("10 of 12 hosts read; 2 unreachable");
        // Reading facts leaves the hosts to retry to the runs that change hosts, as the fact command does.
        assertThat(cwd.resolve(".jinfra/failed-hosts")).doesNotExist();
    }

    @Test
    void shardsConcatenatedOnStandardInputAreSplitAtTheirRunLines() throws Exception {
        readInThreeShards("DirectoryInfo", "path=/nonexistent");
        String all = Files.readString(cwd.resolve("shards/1.json"))
                + Files.readString(cwd.resolve("shards/2.json"))
                + Files.readString(cwd.resolve("shards/3.json"));
        var stdin = new ByteArrayInputStream(all.getBytes(StandardCharsets.UTF_8));
        CliRun report = OpCliRun.run(cwd, c -> new ReportCommand(c, stdin), "--json", "-");
        assertThat(report.exitCode()).as(report.toString()).isEqualTo(ExitCode.HOSTS_UNREACHABLE);
        assertThat(report.outLines()).hasSize(1 + 12 + 1);
        assertThat(report.outLines().getLast())
                .contains("\"hosts\":12,\"read\":10,\"unreachable\":2")
                .contains("\"run_id\":\"facts-1\"");
    }

    @Test
    void theSameShardTwiceIsRefused() throws Exception {
        readInThreeShards("DirectoryInfo", "path=/srv");
        Files.copy(cwd.resolve("shards/2.json"), cwd.resolve("again.json"));
        CliRun r = CliRun.run(cwd, "report", "shards", "again.json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("jinfra: shard 2/3 comes twice, in shards/2.json and in again.json");
        assertThat(r.err().lines().toList()).hasSize(1);
    }

    @Test
    void shardsOfOtherWorkAreRefused() throws Exception {
        readInThreeShards("DirectoryInfo", "path=/srv");
        Files.move(cwd.resolve("shards/3.json"), cwd.resolve("srv-3.json"));
        readInThreeShards("DirectoryInfo", "path=/opt");
        CliRun r = CliRun.run(cwd, "report", "shards/1.json", "shards/2.json", "srv-3.json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .isEqualTo("jinfra: srv-3.json is of another run than shards/1.json: other work (DirectoryInfo"
                        + " path=/srv, not DirectoryInfo path=/opt); report each run's files on their own\n");
    }

    @Test
    void reportWithoutFilesIsAUsageErrorThatPointsAtItsHelp() {
        CliRun r = CliRun.run(cwd, "report");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).endsWith("jinfra: see: jinfra report --help\n");
        assertThat(CliRun.run(cwd, "help", "report").out()).contains("Usage: jinfra report FILE|DIR|-...");
    }

    @Test
    void whatIsNotARunsJsonLinesIsAOneLineUsageError() throws Exception {
        Files.writeString(cwd.resolve("plain.txt"), "up 3 days\n");
        Files.writeString(cwd.resolve("old.json"), "{\"type\":\"host\",\"host\":\"web-01\"}\n");
        Files.writeString(cwd.resolve("empty.json"), "");
        for (var file : List.of("plain.txt", "old.json", "missing.json", "empty.json")) {
            CliRun r = CliRun.run(cwd, "report", file);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(r.out()).isEmpty();
        }
        assertThat(CliRun.run(cwd, "report", "plain.txt").err())
                .isEqualTo("jinfra: plain.txt:1: not a JSON line (jinfra report reads what --json-file writes)\n");
        assertThat(CliRun.run(cwd, "report", "old.json").err()).startsWith("jinfra: old.json:1: no run line before it");
        assertThat(CliRun.run(cwd, "report", "missing.json").err()).isEqualTo("jinfra: no such file: missing.json\n");
        assertThat(CliRun.run(cwd, "report", "empty.json").err())
                .isEqualTo("jinfra: warning: empty.json is empty; left out\n"
                        + "jinfra: nothing to report: no run in the files given\n");
    }
}
