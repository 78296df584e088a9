package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The end script on this machine's shells, under a parent that plays sshd's part: it starts two commands, each
 * the leader of its own process group (one ignores TERM), then the script as a third child.
 */
class SessionSiblingsTest {
    @ParameterizedTest
    @ValueSource(strings = {"dash", "bash"})
    void theCommandsBesideTheScriptEndAndTheirParentDoesNot(String loginShell) throws Exception {
        String marker = "sleep 4" + ProcessHandle.current().pid() % 1000 + loginShell.length();
        String parent = "setsid sh -c \"trap '' TERM; " + marker + "1; echo never\" & "
                + "setsid sh -c \"" + marker + "2; echo never\" & "
                + "sleep 0.5; "
                + loginShell + " -c " + dev.jinfra.command.ShellQuote.quote(SessionSiblings.endCommand(300))
                + "; echo ended $?; wait; echo parent still here";
        long start = System.nanoTime();
        Process p =
                new ProcessBuilder("sh", "-c", parent).redirectErrorStream(true).start();
        try {
            assertThat(p.waitFor(15, TimeUnit.SECONDS))
                    .as("the parent ends once its children are gone")
                    .isTrue();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(out).isEqualTo("ended 0\nparent still here\n");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(sleepsOf(marker)).isEmpty();
        } finally {
            p.destroyForcibly();
            sleepsOf(marker).forEach(ProcessHandle::destroyForcibly);
        }
    }

    @org.junit.jupiter.api.Test
    void onlyRootOnOpenSshRefusesSignals() {
        assertThat(SshConnection.refusesSignals("root", "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3"))
                .isTrue();
        assertThat(SshConnection.refusesSignals("deploy", "SSH-2.0-OpenSSH_9.2p1"))
                .isFalse();
        assertThat(SshConnection.refusesSignals("root", "SSH-2.0-APACHE-SSHD-2.15.0"))
                .isFalse();
    }

    private static List<ProcessHandle> sleepsOf(String marker) {
        return ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .toList();
    }
}
