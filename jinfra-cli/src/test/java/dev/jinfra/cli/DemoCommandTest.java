package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path cwd;

    @Test
    void theDemoShowsFoldedSuccessesAndTheTwoProblemsItSetsUp() {
        CliRun r = CliRun.run(cwd, "demo", "--hosts", "120");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).containsSubsequence(
                "── web-[001-012,014-028,030-120] (118 hosts) ── exit 0\n",
                "── web-013 (1 host) ── failed: exit 1\n",
                "! disk /var is full\n",
                "── web-029 (1 host) ── unreachable: connection refused\n",
                "118 of 120 hosts succeeded; 1 failed; 1 unreachable in ");
        assertThat(r.err()).contains("jinfra demo: done; every other host succeeded, as expected");
    }

    @Test
    void demoOptionsItDoesNotKnowGoToExec() throws Exception {
        CliRun r = CliRun.run(cwd, "demo", "--hosts", "5", "--command", "echo hi", "--json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.outLines()).hasSize(6).allMatch(l -> l.startsWith("{\"type\":"));
    }
}
