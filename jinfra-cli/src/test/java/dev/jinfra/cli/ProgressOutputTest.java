package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress off a terminal, where CI logs and {@code 2> log} end up. */
class ProgressOutputTest {
    @TempDir
    Path cwd;

    @Test
    void aLongRunOffATerminalShowsAStatusLineEveryTenSecondsOnStderrAndStdoutStaysJson() throws Exception {
        CliRun r = CliRun.run(cwd, "@local", "exec", "--json", "--", "sleep 11");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.err().lines().toList())
                .as(r.toString())
                .hasSize(1)
                .first()
                .asString()
                .matches("jinfra: connected 1/1 · running 1 · done 0/1 · 1\\ds");
        var json = new ObjectMapper();
        for (String line : r.outLines()) {
            assertThat(json.readTree(line).get("type").asText()).isIn("run", "host", "summary");
        }
    }

    @Test
    void aShortRunOffATerminalPrintsNoProgress() {
        CliRun r = CliRun.run(cwd, "@local", "exec", "--", "true");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.err()).isEmpty();
    }
}
