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
}
