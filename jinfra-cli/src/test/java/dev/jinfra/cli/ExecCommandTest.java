package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinfra.testkit.Fault;
import dev.jinfra.testkit.FleetHost;
import dev.jinfra.testkit.SshFleet;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ExecCommandTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(10);

    @TempDir
    Path cwd;

    SshFleet fleet() {
        return fleetExtension.fleet();
    }

    String inventory() {
        return fleet().inventoryYaml().toString();
    }

    String name(int i) {
        return fleet().hostNames().get(i);
    }

    CliRun exec(String... args) {
        List<String> all = new ArrayList<>(List.of(inventory(), "exec"));
        all.addAll(List.of(args));
        return CliRun.run(cwd, all.toArray(String[]::new));
    }

    @Test
    void identicalResultsAreFoldedUnderOneRangeOfNames() {
        CliRun r = exec("--", "echo same everywhere");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.outLines())
                .containsExactly(
                        "── web-[001-010] (10 hosts) ── exit 0",
                        "same everywhere",
                        "",
                        r.outLines().getLast());
        assertThat(r.outLines().getLast()).startsWith("10 of 10 hosts succeeded in ");
    }

    @Test
    void problemsComeLastAndSetTheExitCode() {
        fleet().host(name(9)).fault(Fault.REFUSE);
        CliRun r = exec("--", "echo hi; [ \"$FLEET_HOST\" = " + name(2) + " ] && { echo broken >&2; exit 7; }; true");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOSTS_FAILED);
        assertThat(r.out())
                .containsSubsequence(
                        "── web-[001-002,004-009] (8 hosts) ── exit 0\nhi\n",
                        "── web-003 (1 host) ── failed: exit 7\nhi\n! broken\n",
                        "── web-010 (1 host) ── unreachable: connection refused\n",
                        "8 of 10 hosts succeeded; 1 failed; 1 unreachable");
        assertThat(r.err()).contains("2 hosts did not succeed: listed in .jinfra/failed-hosts");
    }

    @Test
    void onlyUnreachableHostsGiveTheirOwnExitCode() {
        fleet().host(name(0)).fault(Fault.CHANGED_HOST_KEY);
        CliRun r = exec("--", "true");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOSTS_UNREACHABLE);
        assertThat(r.out()).contains("── web-001 (1 host) ── unreachable: host key changed: known_hosts has SHA256:");
    }

    @Test
    void unknownHostKeysOnEveryHostFoldIntoOneGroupThoughEachNamesItsOwnAddress() throws Exception {
        Path empty = Files.createFile(cwd.resolve("empty_known_hosts"));
        CliRun r = exec("-d", "ssh_known_hosts_file=" + empty, "--", "true");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOSTS_UNREACHABLE);
        assertThat(r.out())
                .contains("── web-[001-010] (10 hosts) ── unreachable: host key unknown: not in " + empty)
                .contains(" key for each host's address; add it, or accept new keys with --accept-new-host-keys)\n")
                .doesNotContain("[127.0.0.1]:");
    }

    @Test
    void jsonGivesOneObjectPerHostThenASummaryThatAgreesWithTheExitCode() throws Exception {
        fleet().host(name(4)).fault(Fault.HANG_COMMAND);
        CliRun r = exec("--json", "--timeout", "1s", "--", "echo \"$FLEET_HOST\"");
        var json = new ObjectMapper();
        List<JsonNode> objects = new ArrayList<>();
        for (String line : r.outLines()) {
            objects.add(json.readTree(line));
        }
        assertThat(objects).hasSize(1 + 10 + 1);
        assertThat(objects.getFirst().get("type").asText()).isEqualTo("run");
        assertThat(objects.getFirst().get("targeted")).hasSize(10);
        List<JsonNode> hosts = objects.subList(1, 11);
        assertThat(hosts).allMatch(o -> o.get("type").asText().equals("host"));
        assertThat(hosts)
                .extracting(o -> o.get("host").asText())
                .containsExactlyInAnyOrderElementsOf(fleet().hostNames());
        JsonNode hung = hosts.stream()
                .filter(o -> o.get("host").asText().equals(name(4)))
                .findFirst()
                .orElseThrow();
        assertThat(hung.get("state").asText()).isEqualTo("timed_out");
        assertThat(hung.get("exit_code").isNull()).isTrue();
        JsonNode ok = hosts.stream()
                .filter(o -> o.get("host").asText().equals(name(0)))
                .findFirst()
                .orElseThrow();
        assertThat(ok.get("stdout").asText()).isEqualTo(name(0) + "\n");
        JsonNode summary = objects.getLast();
        assertThat(summary.get("type").asText()).isEqualTo("summary");
        assertThat(summary.get("succeeded").asInt()).isEqualTo(9);
        assertThat(summary.get("timed_out").asInt()).isEqualTo(1);
        assertThat(summary.get("exit_code").asInt()).isEqualTo(r.exitCode()).isEqualTo(ExitCode.HOSTS_FAILED);
    }

    @Test
    void streamPrefixesEveryLineWithItsHost() {
        CliRun r = exec("--stream", "--limit", name(0) + "," + name(1), "--", "echo one; echo two; echo err >&2");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out())
                .contains(name(0) + ": one\n")
                .contains(name(0) + ": two\n")
                .contains(name(1) + ": one\n");
        assertThat(r.err()).contains(name(1) + ": err");
    }

    @Test
    void streamedLinesOfAFailedHostAreNotPrintedAgainInTheReport() {
        CliRun r = exec("--stream", "--limit", name(0), "--", "echo one; echo err >&2; exit 3");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOSTS_FAILED);
        assertThat(r.out())
                .as(r.toString())
                .containsOnlyOnce("one")
                .contains(name(0) + ": one\n")
                .contains("failed: exit 3")
                .doesNotContain("err");
        assertThat(r.err()).as(r.toString()).containsOnlyOnce("err");
    }

    @Test
    void aTimedOutHostSaysSoOnce() {
        CliRun r = exec("--limit", name(0), "-t", "500ms", "--", "sleep 5");
        assertThat(r.out())
                .as(r.toString())
                .contains("── timed out after 500ms")
                .doesNotContain("timed out: timed out");
    }

    @Test
    void retryFailedTargetsExactlyTheHostsThatDidNotSucceed() throws Exception {
        fleet().host(name(3)).fault(Fault.REFUSE);
        CliRun first = exec("--", "[ \"$FLEET_HOST\" = " + name(6) + " ] && exit 1; true");
        assertThat(first.exitCode()).isEqualTo(ExitCode.HOSTS_FAILED);
        List<String> recorded = Files.readAllLines(cwd.resolve(".jinfra/failed-hosts")).stream()
                .filter(l -> !l.startsWith("#"))
                .toList();
        assertThat(recorded).containsExactly(name(6), name(3));

        fleet().clearFaults();
        fleet().clearHistory();
        CliRun retry = exec("--retry", "failed", "--", "true");
        assertThat(retry.exitCode()).as(retry.toString()).isEqualTo(ExitCode.OK);
        assertThat(retry.out()).contains("2 of 2 hosts succeeded");
        assertThat(fleet().hosts())
                .filteredOn(h -> !h.commands().isEmpty())
                .extracting(h -> h.name())
                .containsExactlyInAnyOrder(name(3), name(6));

        CliRun nothingLeft = exec("--retry", "failed", "--", "true");
        assertThat(nothingLeft.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(nothingLeft.err()).contains("nothing to retry");
    }

    @Test
    void aRetryFileThatCannotBeWrittenIsAWarningAndTheExitCodeStaysTheReports() throws Exception {
        // A file where the directory should be: writing fails even for root, which ignores permissions.
        Files.writeString(cwd.resolve(".jinfra"), "");
        CliRun r = exec("--json", "--", "[ \"$FLEET_HOST\" = " + name(5) + " ] && exit 1; true");

        JsonNode summary = new ObjectMapper().readTree(r.outLines().getLast());
        assertThat(summary.get("exit_code").asInt())
                .as(r.toString())
                .isEqualTo(r.exitCode())
                .isEqualTo(ExitCode.HOSTS_FAILED);
        assertThat(r.err())
                .isEqualTo("jinfra: warning: cannot write .jinfra/failed-hosts: .jinfra is not a directory\n");

        CliRun ok = exec("--", "true");
        assertThat(ok.exitCode()).as(ok.toString()).isEqualTo(ExitCode.OK);
        assertThat(ok.out()).contains("10 of 10 hosts succeeded");
    }

    @Test
    void targetsOnOneAddressThatDifferByPortOrUserAreHostsOfTheirOwn() {
        FleetHost first = fleet().hosts().get(0);
        FleetHost second = fleet().hosts().get(1);
        String one = first.address() + ":" + first.port();
        String two = second.address() + ":" + second.port();
        String asUser = fleet().user() + "@" + one;
        CliRun r = CliRun.run(
                cwd,
                one + "," + two + "," + asUser + "," + one,
                "exec",
                "-i",
                fleet().clientKeyFile().toString(),
                "-d",
                "ssh_known_hosts_file=" + fleet().knownHostsFile(),
                "--",
                "echo \"$FLEET_HOST\"");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out())
                .contains("(2 hosts) ── exit 0\n" + first.name() + "\n")
                .contains("── " + two + " (1 host) ── exit 0\n" + second.name() + "\n")
                .contains("3 of 3 hosts succeeded");
        assertThat(first.commands()).hasSize(2);
        assertThat(second.commands()).hasSize(1);
    }

    @Test
    void failFastLeavesTheRestNotStarted() {
        CliRun r =
                exec("--parallel", "1", "--fail-fast", "--", "[ \"$FLEET_HOST\" = " + name(0) + " ] && exit 1; true");
        assertThat(r.exitCode()).isEqualTo(ExitCode.HOSTS_FAILED);
        assertThat(r.out()).contains("── web-[002-010] (9 hosts) ── not started: a host failed (fail-fast)");
    }

    @Test
    void environmentAndDirectoryReachTheCommandQuoted() {
        CliRun r = exec(
                "--limit",
                name(0),
                "--env",
                "GREETING=it's $HOME; `x`",
                "--chdir",
                "/tmp",
                "--",
                "pwd; echo \"$GREETING\"");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("/tmp\nit's $HOME; `x`\n");
    }

    @Test
    void limitSelectsHostsByGlobAndExclusion() {
        CliRun r = exec("--limit", "web-00*,!" + name(1), "--", "true");
        assertThat(r.out()).contains("── web-[001,003-009] (8 hosts) ── exit 0");
    }
}
