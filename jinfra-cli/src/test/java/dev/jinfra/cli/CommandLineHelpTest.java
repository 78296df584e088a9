package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help for each action without an inventory first, an operation's own arguments, and what a typo meant. */
class CommandLineHelpTest {
    @TempDir
    Path cwd;

    @Test
    void execHelpNeedsNoInventory() {
        CliRun r = CliRun.run(cwd, "exec", "--help");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("Usage: jinfra INVENTORY exec").contains("--parallel");
    }

    @Test
    void anOperationsHelpListsItsOwnArguments() {
        CliRun r = CliRun.run(cwd, "@local", "files.directory", "--help");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out())
                .startsWith("files.directory: A directory exists")
                .contains("  path ")
                .contains("  recursive ")
                .contains("In a deploy file: files.directory(")
                .contains("In Java: files.directory(path), files.directory(path, mode); other arguments as"
                        + " .arg(\"NAME\", value)")
                .contains("Usage: jinfra INVENTORY OPERATION");
    }

    @Test
    void helpAfterTheRemoteCommandIsTheCommandsOwn() {
        // After --, words belong to the remote command: `exec -- ls --help` is not a request for jinfra's help.
        CliRun r = CliRun.run(cwd, "@local", "exec", "--", "echo", "--help");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("--help").doesNotContain("Usage: jinfra");
    }

    @Test
    void helpNamesAnActionOrAnOperation() {
        CliRun exec = CliRun.run(cwd, "help", "exec");
        assertThat(exec.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(exec.out()).startsWith("Usage: jinfra INVENTORY exec");
        CliRun put = CliRun.run(cwd, "help", "files.put");
        assertThat(put.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(put.out()).startsWith("files.put: ").contains("  src ");
        CliRun typo = CliRun.run(cwd, "help", "files.putt");
        assertThat(typo.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(typo.err()).isEqualTo("jinfra: no help for 'files.putt'; did you mean files.put?\n");
    }

    @Test
    void helpListsEveryOperationAndEveryFactWithItsFirstSentence() {
        CliRun ops = CliRun.run(cwd, "help", "operations");
        assertThat(ops.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(ops.out())
                .containsPattern("(?m)^  files\\.put +\\S")
                .containsPattern("(?m)^  apt\\.packages +\\S")
                .contains("jinfra help NAME");
        assertThat(ops.out().lines().filter(l -> l.startsWith("  ")).count())
                .isEqualTo(dev.jinfra.catalog.Catalog.operationNames().size());
        CliRun facts = CliRun.run(cwd, "help", "facts");
        assertThat(facts.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(facts.out()).containsPattern("(?m)^  DirectoryInfo +\\S").contains("fact NAME");
        assertThat(facts.out().lines().filter(l -> l.startsWith("  ")).count())
                .isEqualTo(dev.jinfra.catalog.Catalog.factTypes().size());
    }

    @Test
    void everyOperationNameHasTheShapeThatSkipsTheCatalogForInventories() {
        assertThat(dev.jinfra.catalog.Catalog.operationNames()).isNotEmpty().allMatch(Main::mayNameOperation);
        assertThat(java.util.List.of(
                        "inventory.yaml",
                        "hosts.ini",
                        "/srv/inv/hosts",
                        "./prod",
                        "web-01,web-02",
                        "@local",
                        "deploy.java",
                        "web-[01-50].example.com",
                        "root@db:2222",
                        "exec"))
                .noneMatch(Main::mayNameOperation);
    }

    @Test
    void aMistypedOperationGetsTheNameItMostLikelyMeant() {
        CliRun r = CliRun.run(cwd, "@local", "files.directry", "path=/tmp/x");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("jinfra: unknown action 'files.directry'; did you mean files.directory?\n");
    }

    @Test
    void aMistypedOptionGetsTheOptionItMostLikelyMeant() {
        CliRun r = CliRun.run(cwd, "@local", "exec", "--paralel", "3", "--", "true");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("jinfra: did you mean --parallel?");
    }
}
