package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's training runs: each step must succeed, or the AOT cache would be trained on an error path. */
class TrainCommandTest {
    @TempDir
    Path cwd;

    @Test
    void theRunTrainingSucceedsOnItsInProcessFleet() {
        CliRun r = CliRun.run(cwd, "__train", "run");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
    }

    @Test
    void theDeployTrainingSucceedsOnItsInProcessFleet() {
        CliRun r = CliRun.run(cwd, "__train", "deploy");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
    }

    @Test
    void anUnknownModeIsAUsageError() {
        CliRun r = CliRun.run(cwd, "__train", "everything");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("jinfra: __train needs run or deploy\n");
    }
}
