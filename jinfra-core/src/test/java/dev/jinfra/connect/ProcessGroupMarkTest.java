package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessGroupMarkTest {
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final ProcessGroupMark mark = ProcessGroupMark.filtering(stderr);

    private void write(String text) throws Exception {
        mark.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private String passed() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theReportGivesTheGroupAndNeverReachesTheCommandsStderr() throws Exception {
        write("jinfra-process-group=4321\nwarning: disk almost full\n");
        assertThat(mark.group()).hasValue(4321);
        assertThat(passed()).isEqualTo("warning: disk almost full\n");
    }

    @Test
    void aReportSplitOverManyWritesIsStillFound() throws Exception {
        for (char c : "jinfra-process-group=77\nrest".toCharArray()) {
            mark.write(c);
        }
        assertThat(mark.group()).hasValue(77);
        assertThat(passed()).isEqualTo("rest");
    }

    @Test
    void linesALoginShellPrintsBeforeTheReportArePassedOn() throws Exception {
        write("bashrc: hello\njinfra-process-group=9\n");
        assertThat(mark.group()).hasValue(9);
        assertThat(passed()).isEqualTo("bashrc: hello\n");
    }

    @Test
    void withoutAReportEverythingIsPassedOnAndNoGroupIsKnown() throws Exception {
        write("x".repeat(20_000));
        write("\njinfra-process-group=5\n");
        assertThat(mark.group()).isEmpty();
        assertThat(passed()).hasSize(20_000 + "\njinfra-process-group=5\n".length());
    }

    @Test
    void aLineThatOnlyLooksLikeTheReportIsTheCommandsOwn() throws Exception {
        write("jinfra-process-group=12; rm -rf /\n");
        mark.close();
        assertThat(mark.group()).isEmpty();
        assertThat(passed()).isEqualTo("jinfra-process-group=12; rm -rf /\n");
    }

    @Test
    void onlyRootOnOpenSshRefusesSignals() {
        assertThat(SshConnection.refusesSignals("root", "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3"))
                .isTrue();
        assertThat(SshConnection.refusesSignals("deploy", "SSH-2.0-OpenSSH_9.2p1"))
                .isFalse();
        assertThat(SshConnection.refusesSignals("root", "SSH-2.0-APACHE-SSHD-2.15.0"))
                .isFalse();
    }

    /** The wrapped command reports its own process group; the end script ends a group that ignores TERM. */
    @ParameterizedTest
    @ValueSource(strings = {"dash", "bash"})
    void theEndScriptEndsAGroupThatIgnoresTerm(String shell) throws Exception {
        String marker = "sleep 4" + ProcessHandle.current().pid() % 1000 + shell.length();
        // setsid makes the shell the leader of its own group, as sshd does for a session's command.
        Process command = new ProcessBuilder(
                        "setsid", shell, "-c", ProcessGroupMark.wrap("trap '' TERM; " + marker + "; echo never"))
                .redirectErrorStream(false)
                .start();
        try {
            var err = ProcessGroupMark.filtering(new ByteArrayOutputStream());
            byte[] line =
                    command.getErrorStream().readNBytes(("jinfra-process-group=" + command.pid() + "\n").length());
            err.write(line);
            assertThat(err.group()).as(new String(line, StandardCharsets.UTF_8)).hasValue(command.pid());
            awaitChild(command);
            long start = System.nanoTime();
            Process end =
                    new ProcessBuilder(shell, "-c", ProcessGroupMark.endScript(List.of(command.pid()), 300)).start();
            assertThat(end.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(end.exitValue()).isZero();
            assertThat(command.waitFor(5, TimeUnit.SECONDS))
                    .as("the group's leader ended")
                    .isTrue();
            assertThat(new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .doesNotContain("never");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(sleepsOf(marker)).as("the sleep in the group").isEmpty();
        } finally {
            command.destroyForcibly();
            sleepsOf(marker).forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static void awaitChild(Process command) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (command.children().findAny().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static List<ProcessHandle> sleepsOf(String marker) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .toList();
    }
}
