package dev.jinfra.deploy;

import static dev.jinfra.deploy.Operations.server;
import static dev.jinfra.deploy.Operations.settings;
import static dev.jinfra.deploy.Operations.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.command.Secret;
import dev.jinfra.connect.LocalConnector;
import dev.jinfra.engine.deploy.DeployHostState;
import dev.jinfra.engine.deploy.DeployListener;
import dev.jinfra.engine.deploy.DeployResult;
import dev.jinfra.engine.deploy.DeployRunner;
import dev.jinfra.engine.deploy.OperationStatus;
import dev.jinfra.inventory.Host;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retries, accepted exit codes, ignore-errors, continue-on-error, conditions and standard input are settable on
 * an operation, a deploy piece, in host data and on the command line, with the same precedence as sudo or env.
 */
class ControlLevelsTest {
    @TempDir
    Path dir;

    private static DeployResult run(Host host, Settings commandLine, Deploy deploy) {
        var local = new LocalConnector();
        var options = DeployRunner.Options.builder()
                .parallel(10)
                .commandLine(commandLine)
                .build();
        return new DeployRunner(h -> local).run(List.of(host), List.of(deploy), options, new DeployListener() {});
    }

    private static OperationStatus status(DeployResult r, String name) {
        return r.outcomes().stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow()
                .status();
    }

    private static Host local(Map<String, Object> data) {
        return new Host(Host.LOCAL, List.of(), data);
    }

    /** A command that fails until it has run {@code times} times, counting in a file. */
    private String failsUntilRun(String name, int times) {
        Path counter = dir.resolve(name);
        return "echo x >> " + counter + "; [ $(wc -l < " + counter + ") -ge " + times + " ]";
    }

    @Test
    void retriesComeFromHostDataWhenTheOperationSaysNothing() {
        DeployResult r = run(
                local(Map.of("retries", 2)),
                Settings.NONE,
                h -> server.shell(failsUntilRun("a", 3)).name("flaky"));
        assertThat(status(r, "flaky")).isEqualTo(OperationStatus.CHANGED);
    }

    @Test
    void theOperationsOwnRetriesWinOverTheCommandLine() {
        Settings cli = Settings.NONE.retries(5, Duration.ZERO);
        DeployResult r = run(
                local(Map.of()),
                cli,
                h -> server.shell(failsUntilRun("b", 3)).name("flaky").retries(1, Duration.ZERO));
        assertThat(status(r, "flaky")).isEqualTo(OperationStatus.FAILED);
        assertThat(r.hostStates().get(Host.LOCAL)).isEqualTo(DeployHostState.FAILED);
    }

    @Test
    void aPieceIgnoringErrorsKeepsTheHostInTheRun() {
        DeployResult r = run(local(Map.of()), Settings.NONE, h -> {
            with(settings().ignoreErrors(), () -> server.shell("exit 3").name("tolerated"));
            server.shell("true").name("after");
        });
        assertThat(status(r, "tolerated")).isEqualTo(OperationStatus.FAILED);
        assertThat(status(r, "after")).isEqualTo(OperationStatus.CHANGED);
    }

    @Test
    void successExitCodesFromTheCommandLineAndHostData() {
        DeployResult cli = run(
                local(Map.of()),
                Settings.NONE.successExitCodes(0, 3),
                h -> server.shell("exit 3").name("three"));
        assertThat(status(cli, "three")).isEqualTo(OperationStatus.CHANGED);
        DeployResult data = run(
                local(Map.of("success_exit_codes", "0, 4")),
                Settings.NONE.successExitCodes(0, 3),
                h -> server.shell("exit 3").name("three"));
        assertThat(status(data, "three"))
                .as("host data wins over the command line")
                .isEqualTo(OperationStatus.FAILED);
    }

    @Test
    void continueOnErrorFromHostDataRunsTheRemainingCommands() throws Exception {
        Path marker = dir.resolve("second-ran");
        DeployResult r = run(
                local(Map.of("continue_on_error", "yes")),
                Settings.NONE,
                h -> server.shell("exit 1", "touch " + marker).name("both"));
        assertThat(status(r, "both")).isEqualTo(OperationStatus.FAILED);
        assertThat(Files.exists(marker)).isTrue();
    }

    @Test
    void conditionsOfThePieceAndTheOperationMustBothHold() {
        DeployResult r = run(local(Map.of()), Settings.NONE, h -> {
            with(settings().when(() -> false), () -> server.shell("true").name("piece says no"));
            with(settings().when(() -> true), () -> {
                server.shell("true").name("both say yes").when(() -> true);
                server.shell("true").name("operation says no").when(() -> false);
            });
        });
        assertThat(status(r, "piece says no")).isEqualTo(OperationStatus.SKIPPED);
        assertThat(status(r, "both say yes")).isEqualTo(OperationStatus.CHANGED);
        assertThat(status(r, "operation says no")).isEqualTo(OperationStatus.SKIPPED);
    }

    @Test
    void stdinFromAPiece() {
        DeployResult r = run(
                local(Map.of()),
                Settings.NONE,
                h -> with(
                        settings().stdin("from the piece\n"),
                        () -> server.shell("cat").name("cat")));
        assertThat(r.outcomes().getFirst().stdout()).isEqualTo("from the piece\n");
    }

    @Test
    void badHostDataFailsTheOperationWithTheHostsName() {
        DeployResult r = run(
                local(Map.of("retries", "many")),
                Settings.NONE,
                h -> server.shell("true").name("x"));
        assertThat(status(r, "x")).isEqualTo(OperationStatus.FAILED);
        assertThat(r.outcomes().getFirst().reason())
                .isEqualTo("host @local: retries must be a whole number, not 'many'");
    }

    @Test
    void aSudoPasswordFromHostDataMakesSudoReadItFromStdinAndIsNeverShown() {
        var local = new LocalConnector();
        var options = DeployRunner.Options.builder().parallel(10).dryRun(true).build();
        DeployResult r = new DeployRunner(h -> local)
                .run(
                        List.of(local(Map.of("sudo_password", "s3cret-pw"))),
                        List.of(h -> {
                            server.shell("id").name("with").sudo();
                            server.shell("id").name("without");
                        }),
                        options,
                        new DeployListener() {});
        var with = r.outcomes().stream()
                .filter(o -> o.name().equals("with"))
                .findFirst()
                .orElseThrow();
        var without = r.outcomes().stream()
                .filter(o -> o.name().equals("without"))
                .findFirst()
                .orElseThrow();
        assertThat(with.commands())
                .singleElement()
                .asString()
                .startsWith("sudo -H -S -p '' -u root -- sh -c ")
                .endsWith("; id'");
        assertThat(without.commands()).containsExactly("id");
        assertThat(r.toString() + r.outcomes()).doesNotContain("s3cret-pw");
    }

    @Test
    void anOperationsOwnSudoPasswordWinsAndAMissingVariableNamesTheHost() {
        assertThat(Settings.NONE
                        .sudoPassword(new Secret("op"))
                        .over(Settings.fromHostData(local(Map.of("sudo_password", "host"))))
                        .controls()
                        .sudoPassword()
                        .reveal())
                .isEqualTo("op");
        DeployResult r = run(
                local(Map.of("sudo_password_env", "JINFRA_TEST_UNSET_VARIABLE")),
                Settings.NONE,
                h -> server.shell("true").name("x").sudo());
        assertThat(r.outcomes().getFirst().reason())
                .isEqualTo(
                        "host @local: sudo_password_env: environment variable JINFRA_TEST_UNSET_VARIABLE is not set");
    }
}
