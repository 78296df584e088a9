package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jinfra's output is UTF-8 under any locale: a real process started with LANG=C, as cron or systemd start it. */
class Utf8OutputTest {
    @TempDir
    Path cwd;

    @Test
    void hostOutputAndJsonStayUtf8UnderTheCLocale() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        var pb = new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "@local",
                        "exec",
                        "--json",
                        "--",
                        "printf 'caf\\303\\251 \\342\\234\\223'"))
                .directory(cwd.toFile())
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG"));
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        assertThat(text).contains("\"stdout\":\"café ✓\"");
    }
}
