package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.catalog.Catalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jinfra completion}: the script names every command, and bash, given it, completes what a user would be
 * offered at each point of a line that starts with an inventory.
 */
class CompletionTest {
    @TempDir
    Path cwd;

    Path script;

    @BeforeEach
    void writeTheScriptAndSomeFiles() throws Exception {
        CliRun r = CliRun.run(cwd, "completion");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        script = cwd.resolve("jinfra.bash");
        Files.writeString(script, r.out());
        for (String file : List.of("inventory.yaml", "deploy.java", "notes.txt", "web hosts.ini")) {
            Files.createFile(cwd.resolve(file));
        }
        Files.createDirectory(cwd.resolve("deploys"));
    }

    @Test
    void theScriptNamesEveryCommandAndEveryOperation() throws Exception {
        String text = Files.readString(script);
        assertThat(text).startsWith("#!/usr/bin/env bash").endsWith("complete -F _jinfra -o default jinfra\n");
        for (String command : List.of("exec", "fact", "demo", "init", "report", "completion", "help")) {
            assertThat(text).contains("function _picocli_jinfra_" + command + "()");
        }
        for (String operation : Catalog.operationNames()) {
            assertThat(text).contains("    " + operation + ") words=");
        }
    }

    @Test
    void theFirstWordIsAnInventoryFileOrACommandThatTakesNone() throws Exception {
        assertThat(complete("jinfra", ""))
                .contains("demo", "init", "report", "completion", "help", "inventory.yaml", "web hosts.ini", "deploys")
                .doesNotContain("exec");
        assertThat(complete("jinfra", "in")).containsExactlyInAnyOrder("init", "inventory.yaml");
        assertThat(complete("jinfra", "-")).containsExactly("--help", "--version");
    }

    @Test
    void afterTheInventoryComeActionsOperationsAndDeployFiles() throws Exception {
        List<String> actions = complete("jinfra", "inventory.yaml", "");
        assertThat(actions).contains("exec", "fact", "files.directory", "apt.packages", "deploy.java", "deploys");
        assertThat(actions).doesNotContain("notes.txt", "demo", "OPERATION");
        assertThat(complete("jinfra", "inventory.yaml", "ex")).containsExactly("exec");
    }

    @Test
    void eachActionCompletesItsOwnOptionsAndTheirValues() throws Exception {
        assertThat(complete("jinfra", "inventory.yaml", "exec", "--para")).containsExactly("--parallel");
        assertThat(complete("jinfra", "inventory.yaml", "exec", "--progress", ""))
                .containsExactly("auto", "always", "never");
        assertThat(complete("jinfra", "inventory.yaml", "exec", "--retry", "")).containsExactly("failed");
        assertThat(complete("jinfra", "inventory.yaml", "exec", "-i", "")).contains("notes.txt", "web hosts.ini");
        assertThat(complete("jinfra", "inventory.yaml", "deploy.java", "--dr")).containsExactly("--dry");
        assertThat(complete("jinfra", "inventory.yaml", "deploy.java", "--strategy", ""))
                .containsExactly("linear", "free");
        assertThat(complete("jinfra", "inventory.yaml", "deploy.java", "")).containsExactly("deploy.java", "deploys");
        assertThat(complete("jinfra", "demo", "--ho")).containsExactly("--hosts");
        assertThat(complete("jinfra", "help", "files.p")).containsExactly("files.put");
    }

    @Test
    void anOperationOffersItsArgumentNamesThenTheOptionsAllShare() throws Exception {
        assertThat(complete("jinfra", "inventory.yaml", "files.directory", ""))
                .containsExactly("path=", "present=", "mode=", "owner=", "group=", "recursive=");
        assertThat(complete("jinfra", "inventory.yaml", "files.directory", "path=/srv", "--sud"))
                .containsExactly("--sudo", "--sudo-user", "--sudo-password-env");
        assertThat(complete("jinfra", "inventory.yaml", "files.directory", "--progress", ""))
                .containsExactly("auto", "always", "never");
    }

    @Test
    void limitOffersTheInventorysGroupsAndHostsAfterThePatternTypedSoFar() throws Exception {
        Files.writeString(cwd.resolve("inventory.yaml"), """
                groups:
                  web:
                    hosts: [web-01, web-02]
                  db:
                    hosts: [db-01]
                """);
        // The completion runs the command at the line's start: here a jinfra made of this test's classes.
        Path jinfra = cwd.resolve("jinfra");
        Files.writeString(
                jinfra,
                "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
                        + System.getProperty("java.class.path") + "' dev.jinfra.cli.Main \"$@\"\n");
        jinfra.toFile().setExecutable(true);
        String self = jinfra.toString();
        assertThat(complete(self, "inventory.yaml", "exec", "--limit", "web"))
                .containsExactlyInAnyOrder("web", "web-01", "web-02");
        assertThat(complete(self, "inventory.yaml", "exec", "--limit", "web,d"))
                .containsExactlyInAnyOrder("web,db", "web,db-01");
        assertThat(complete(self, "inventory.yaml", "deploy.java", "--limit", "web:!web-0"))
                .containsExactlyInAnyOrder("web:!web-01", "web:!web-02");
        assertThat(complete(self, "missing.yaml", "exec", "--limit", "")).isEmpty();
    }

    @Test
    void afterTwoDashesTheWordsAreTheRemoteCommandsOwn() throws Exception {
        assertThat(complete("jinfra", "inventory.yaml", "exec", "--", "ls", "--"))
                .isEmpty();
    }

    /** What bash's completion offers for the last of {@code words}, as the word being typed, in {@link #cwd}. */
    private List<String> complete(String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w.replace("'", "'\\''")).append("'");
        }
        // compopt answers only inside a real completion; outside one its complaint is not what is tested.
        String program = "source \"$1\" 2>/dev/null; compopt() { :; }; COMP_WORDS=(" + array + ");"
                + " COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=(); _jinfra;"
                + " for r in \"${COMPREPLY[@]}\"; do printf '%s\\n' \"$r\"; done";
        Process p = new ProcessBuilder("bash", "-c", program, "bash", script.toString())
                .directory(cwd.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return new ArrayList<>(out.lines().toList());
    }
}
