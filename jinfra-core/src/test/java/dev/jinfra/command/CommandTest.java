package dev.jinfra.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandTest {

    static String runLocally(Command c) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", c.render())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Test
    void wordsAreQuotedEachAsOneArgument() throws Exception {
        Command c = Command.of("printf", "%s|", "a b", "$(echo no)", "it's");
        assertThat(runLocally(c)).isEqualTo("a b|$(echo no)|it's|");
    }

    @Test
    void aScriptGetsItsArgumentsAsPositionalParametersAndKeepsWhatItDoesToItself() throws Exception {
        // exit, set and umask inside end with the script's subshell; the shell that runs it goes on.
        Command c = Command.script(
                "umask 077; x=inside; printf '%s|' \"$#\" \"$@\"; exit 3", "a b", "$(echo no)", "it's", "");
        Command whole = Command.shell(c.render() + "; echo \" rc=$? x=${x-unset} umask=$(umask)\"");
        assertThat(runLocally(Command.shell("umask 022; " + whole.render())))
                .isEqualTo("4|a b|$(echo no)|it's|| rc=3 x=unset umask=0022\n");
    }

    @Test
    void chdirAndEnvWrapTheCommandInOneShell(@TempDir java.nio.file.Path dir) throws Exception {
        Command c =
                Command.shell("pwd; echo \"$GREETING\"").chdir(dir.toString()).env("GREETING", "hello; rm -rf /");
        assertThat(runLocally(c)).isEqualTo(dir.toRealPath() + "\nhello; rm -rf /\n");
    }

    @Test
    void sudoWithoutPasswordNeverWaitsForAPrompt() {
        assertThat(Command.shell("id -u").sudo("root").render()).isEqualTo("sudo -H -n -u root -- sh -c 'id -u'");
    }

    @Test
    void sudoWithPasswordReadsItFromStdinWithoutAPromptTextAndTheCommandSkipsItsRest() {
        assertThat(Command.shell("whoami").sudo("app user", true).render())
                .isEqualTo(
                        "sudo -H -S -p '' -u 'app user' -- sh -c 'while IFS= read -r jinfra_line && "
                                + "[ \"$jinfra_line\" != --jinfra-sudo-password-end-- ]; do :; done; unset jinfra_line; whoami'");
    }

    @Test
    void theSudoPasswordComesFirstOnStdinThenItsEndLineThenTheCommandsOwnInput() {
        assertThat(new String(Command.sudoStdin("pw", null), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("pw\n--jinfra-sudo-password-end--\n");
        assertThat(new String(
                        Command.sudoStdin("pw", "own\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("pw\n--jinfra-sudo-password-end--\nown\n");
    }

    @Test
    void suAndDoasChangeUserWithoutPrompting() {
        assertThat(Command.shell("id -u").su("app").render()).isEqualTo("su -s /bin/sh -c 'id -u' app");
        assertThat(Command.shell("id -u").doas("app").render()).isEqualTo("doas -n -u app sh -c 'id -u'");
    }

    @Test
    void anotherShellCanInterpretTheCommand() throws Exception {
        Command c = Command.shell("echo ${BASH_VERSION:+bash}").interpreter("bash");
        assertThat(c.render()).isEqualTo("bash -c 'echo ${BASH_VERSION:+bash}'");
        assertThat(runLocally(c)).isEqualTo("bash\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Command.shell("x").interpreter("bash; rm -rf /"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plainShellTextIsPassedAsWritten() {
        assertThat(Command.shell("uptime | cut -d, -f1").render()).isEqualTo("uptime | cut -d, -f1");
    }

    @Test
    void badEnvironmentNamesAreRefused() {
        assertThatThrownBy(() -> Command.shell("true").env("A;B", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A;B");
    }

    @Test
    void aProgramThatShWouldReadAsAnAssignmentOrAReservedWordStillRunsAsTheProgram(@TempDir java.nio.file.Path dir)
            throws Exception {
        // Unquoted, "A=b x" would run x with A set, and "if x" would be a syntax error; each name here is a program
        // on PATH that prints its name and arguments.
        for (String name : java.util.List.of("A=b", "x=1=2", "if", "then", "time", "done")) {
            java.nio.file.Path program = dir.resolve(name);
            java.nio.file.Files.writeString(program, "#!/bin/sh\nprintf '%s|' \"${0##*/}\" \"$@\"\n");
            assertThat(program.toFile().setExecutable(true)).isTrue();
            for (String shell : java.util.List.of("/bin/sh", "/bin/bash")) {
                ProcessBuilder pb = new ProcessBuilder(
                                shell, "-c", Command.of(name, "arg", "x=y").render())
                        .redirectErrorStream(true);
                pb.environment().put("PATH", dir.toString());
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                assertThat(out).as("%s under %s", name, shell).isEqualTo(name + "|arg|x=y|");
            }
        }
    }

    @Test
    void textThatNoCommandLineCanCarryIsRefusedInWordsWhereTheCommandIsMade() {
        // A NUL would end the text there; half of a surrogate pair has no UTF-8 bytes and would be sent as '?'.
        for (String bad : java.util.List.of("a\0b", "\0", "a\ud83db", "\ude00", "\ude00\ud83d", "x\ud83d")) {
            java.util.List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> uses = java.util.List.of(
                    () -> Command.of("printf", "%s", bad),
                    () -> Command.of(bad),
                    () -> Command.shell("echo " + bad),
                    () -> Command.of("true").chdir(bad),
                    () -> Command.of("true").env("A", bad),
                    () -> Command.of("true").sudo(bad),
                    () -> Command.of("true").su(bad),
                    () -> Command.of("true").doas(bad));
            for (var use : uses) {
                assertThatThrownBy(use)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("cannot send text with");
            }
        }
        assertThat(Command.of("printf", "\ud83d\ude00").render()).isEqualTo("printf '\ud83d\ude00'");
        assertThatThrownBy(() -> Command.of("printf", "a\0b"))
                .hasMessage("cannot send text with a NUL character to a host (at character 2 of 'a\\0b'):"
                        + " a command line ends at the first NUL");
    }

    @Test
    void aProgramThatBashWouldTakeForAJobIsRefused() {
        assertThatThrownBy(() -> Command.of("%1", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot run a program whose name starts with '%' (bash reads it as a job): '%1'");
        assertThat(Command.of("printf", "%s").render()).isEqualTo("printf %s");
    }

    @Test
    void aUserThatSuWouldReadAsAnOptionIsRefused() {
        for (String user : java.util.List.of("-", "-c", "--login", "")) {
            assertThatThrownBy(() -> Command.of("true").su(user))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not a user to run commands as: '" + user + "'");
            assertThatThrownBy(() -> Command.of("true").sudo(user)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Command.of("true").doas(user)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aSecretEnvironmentValueAndTheCommandsOwnInputTravelOnStandardInputAndAreMaskedWhenShown() throws Exception {
        Command c = Command.of("sh", "-c", "printf '%s|' \"$DB_PWD\"; cat")
                .secretEnv("DB_PWD", "it's $(secret)\n")
                .input("SELECT 'x';\n", "SELECT '****';");
        assertThat(c.needsOwnStdin()).isTrue();
        assertThat(c.render()).doesNotContain("secret").doesNotContain("SELECT");
        assertThat(c.shown()).contains("export DB_PWD='\\''****'\\''").endsWith("<<< 'SELECT '\\''****'\\'';'");
        Process p = new ProcessBuilder("/bin/sh", "-c", c.render()).start();
        try (var in = p.getOutputStream()) {
            in.write(c.stdin(null));
        }
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("it's $(secret)\n|SELECT 'x';\n");
    }

    @Test
    void aCommandWithoutSecretsOrInputNeedsNoInputOfItsOwn() {
        assertThat(Command.of("true").env("LANG", "C").needsOwnStdin()).isFalse();
        assertThat(Command.of("true").input("x", "x").needsOwnStdin()).isTrue();
    }
}
