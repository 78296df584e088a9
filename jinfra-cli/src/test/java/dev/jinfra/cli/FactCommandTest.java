package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinfra.testkit.Fault;
import dev.jinfra.testkit.SshFleet;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class FactCommandTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(4);

    @TempDir
    Path cwd;

    SshFleet fleet() {
        return fleetExtension.fleet();
    }

    /** As Main passes it on: the word "fact" already taken out. */
    CliRun fact(String... words) {
        List<String> all = new ArrayList<>(List.of(fleet().inventoryYaml().toString()));
        all.addAll(List.of(words));
        return OpCliRun.run(cwd, FactCommand::new, all.toArray(String[]::new));
    }

    static String owner(Path p) throws Exception {
        return Files.getOwner(p).getName();
    }

    @Test
    void equalValuesAreFoldedUnderOneHeader() throws Exception {
        Path dir = Files.createDirectory(cwd.resolve("app"));
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));
        String group = Files.readAttributes(dir, java.nio.file.attribute.PosixFileAttributes.class)
                .group()
                .getName();
        CliRun r = fact("DirectoryInfo", "path=" + dir);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.outLines())
                .containsExactly(
                        "── web-[001-004] (4 hosts) ──",
                        "{\"type\": \"directory\", \"mode\": \"750\", \"owner\": \"" + owner(dir) + "\", \"group\": \""
                                + group + "\"}",
                        "",
                        r.outLines().getLast());
        assertThat(r.outLines().getLast()).startsWith("DirectoryInfo path=" + dir + ": 4 of 4 hosts read in ");
    }

    @Test
    void aMissingPathReadsAsNull() {
        CliRun r = fact("DirectoryInfo", "path=" + cwd.resolve("nothing-here"));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("── web-[001-004] (4 hosts) ──\nnull\n\n");
    }

    @Test
    void hostsWithoutAValueComeLastAndSetTheExitCode() {
        fleet().host(fleet().hostNames().get(1)).fault(Fault.REFUSE);
        CliRun unreachable = fact("DirectoryInfo", "path=" + cwd);
        assertThat(unreachable.exitCode()).as(unreachable.toString()).isEqualTo(ExitCode.HOSTS_UNREACHABLE);
        assertThat(unreachable.out())
                .containsSubsequence(
                        "── web-[001,003-004] (3 hosts) ──\n{\"type\": \"directory\"",
                        "── web-002 (1 host) ── unreachable: connection refused\n",
                        ": 3 of 4 hosts read; 1 unreachable in ");

        fleet().host(fleet().hostNames().get(2)).fault(Fault.DROP_MID_COMMAND);
        CliRun dropped = fact("DirectoryInfo", "path=" + cwd);
        assertThat(dropped.exitCode()).as(dropped.toString()).isEqualTo(ExitCode.HOSTS_FAILED);
        assertThat(dropped.out()).contains("── web-003 (1 host) ── failed: connection lost while reading the fact");
    }

    @Test
    void jsonGivesOneObjectPerHostThenASummary() throws Exception {
        fleet().host(fleet().hostNames().get(0)).fault(Fault.REFUSE);
        CliRun r = fact("DirectoryInfo", "path=" + cwd.resolve("absent"), "--json");
        var json = new ObjectMapper();
        List<JsonNode> objects = new ArrayList<>();
        for (String line : r.outLines()) {
            objects.add(json.readTree(line));
        }
        assertThat(objects).hasSize(1 + 4 + 1);
        assertThat(objects.getFirst().get("type").asText()).isEqualTo("run");
        List<JsonNode> hosts = objects.subList(1, 5);
        assertThat(hosts).allSatisfy(o -> {
            assertThat(o.get("type").asText()).isEqualTo("fact");
            assertThat(o.get("fact").asText()).isEqualTo("DirectoryInfo");
            assertThat(o.get("arguments").get("path").asText())
                    .isEqualTo(cwd.resolve("absent").toString());
            assertThat(o.get("value").isNull()).isTrue();
        });
        assertThat(hosts)
                .extracting(o -> o.get("host").asText())
                .containsExactlyInAnyOrderElementsOf(fleet().hostNames());
        JsonNode refused = hosts.stream()
                .filter(o -> o.get("host").asText().equals("web-001"))
                .findFirst()
                .orElseThrow();
        assertThat(refused.get("state").asText()).isEqualTo("unreachable");
        assertThat(refused.get("error").asText()).isEqualTo("connection refused");
        JsonNode summary = objects.getLast();
        assertThat(summary.get("type").asText()).isEqualTo("summary");
        assertThat(summary.get("read").asInt()).isEqualTo(3);
        assertThat(summary.get("unreachable").asInt()).isEqualTo(1);
        assertThat(summary.get("exit_code").asInt()).isEqualTo(r.exitCode()).isEqualTo(ExitCode.HOSTS_UNREACHABLE);
    }

    @Test
    void anUnknownFactIsAUsageErrorThatSuggestsTheNearOneAndSaysWhereTheListIs() {
        CliRun r = fact("DirectoryInf", "path=/");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .isEqualTo("jinfra: unknown fact 'DirectoryInf'; did you mean DirectoryInfo? (jinfra help facts lists "
                        + "them)\n");
        assertThat(fact("Zzz").err()).isEqualTo("jinfra: unknown fact 'Zzz' (jinfra help facts lists them)\n");
        assertThat(fleet().hosts())
                .allSatisfy(h -> assertThat(h.sessionsOpened()).isZero());
    }

    @Test
    void aMissingArgumentIsAUsageError() {
        CliRun r = fact("DirectoryInfo");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("jinfra: DirectoryInfo: argument 'path' is required");
    }
}
