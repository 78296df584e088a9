package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path cwd;

    @Test
    void theDemoShowsFoldedSuccessesTheTwoProblemsItSetsUpAndADeployRunTwice() throws Exception {
        // The user's own list of hosts to retry must survive the demo.
        Path retry = cwd.resolve(".jinfra/failed-hosts");
        Files.createDirectories(retry.getParent());
        Files.writeString(retry, "# hosts that did not succeed in: exec -- uptime\ndb-7\n");

        CliRun r = CliRun.run(cwd, "demo", "--hosts", "40");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out())
                .containsSubsequence(
                        "── web-[001-012,014-028,030-040] (38 hosts) ── exit 0\n",
                        "── web-013 (1 host) ── failed: exit 1\n",
                        "! disk /var is full\n",
                        "── web-029 (1 host) ── unreachable: connection refused\n",
                        "38 of 40 hosts succeeded; 1 failed; 1 unreachable in ",
                        // The deploy's first run changes every host, the problem hosts included...
                        "Announce the new motd  ~ 40 changed",
                        "40 of 40 hosts succeeded: 40 changed, 0 unchanged in ",
                        // ...and the second changes nothing, so the handler does not run.
                        "Announce the new motd  - 40 skipped",
                        "40 of 40 hosts succeeded: 0 changed, 40 unchanged in ");
        assertThat(r.err())
                .contains("jinfra demo: every other host succeeded, as expected (exit code 1")
                .contains("jinfra demo: done; every host did what the demo intends")
                .doesNotContain("failed-hosts");
        assertThat(retry).hasContent("# hosts that did not succeed in: exec -- uptime\ndb-7\n");
        // Nothing else is left below the working directory (the deploy compiles elsewhere).
        try (var left = Files.walk(cwd)) {
            assertThat(left.map(p -> cwd.relativize(p).toString()))
                    .containsExactlyInAnyOrder("", ".jinfra", ".jinfra/failed-hosts");
        }
    }

    @Test
    void theDemosExitCodeIsTheOneItsJsonSummaryGives() throws Exception {
        CliRun r = CliRun.run(cwd, "demo", "--hosts", "30", "--json");
        JsonNode summary = new ObjectMapper().readTree(r.outLines().getLast());
        assertThat(summary.get("type").asText()).isEqualTo("summary");
        assertThat(summary.get("exit_code").asInt())
                .as(r.toString())
                .isEqualTo(r.exitCode())
                .isEqualTo(ExitCode.HOSTS_FAILED);
        assertThat(cwd.resolve(".jinfra")).doesNotExist();
    }

    @Test
    void demoOptionsItDoesNotKnowGoToExec() throws Exception {
        CliRun r = CliRun.run(cwd, "demo", "--hosts", "5", "--command", "echo hi", "--json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.outLines()).hasSize(1 + 5 + 1).allMatch(l -> l.startsWith("{\"type\":"));
    }
}
