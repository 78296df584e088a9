package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.catalog.Catalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The man pages: one per command, every option of the command line in them, and roff that groff reads cleanly. */
class ManPagesTest {
    @TempDir
    Path dir;

    @Test
    void everyCommandHasAPageAndEveryOptionIsInIt() throws Exception {
        CliRun r = CliRun.run(dir, "__man", dir.resolve("man1").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        try (Stream<Path> files = Files.list(dir.resolve("man1"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "jinfra.1",
                            "jinfra-exec.1",
                            "jinfra-deploy.1",
                            "jinfra-operation.1",
                            "jinfra-fact.1",
                            "jinfra-demo.1",
                            "jinfra-init.1",
                            "jinfra-report.1",
                            "jinfra-completion.1");
        }
        String exec = Files.readString(dir.resolve("man1/jinfra-exec.1"));
        assertThat(exec)
                .contains(".TH JINFRA\\-EXEC 1 \"\" \"" + Main.VERSION + "\"")
                .contains("jinfra INVENTORY exec [OPTIONS] \\-\\- COMMAND...")
                .contains("\\fB\\-p\\fR, \\fB\\-\\-parallel\\fR=\\fIN\\fR")
                .contains("\\fB\\-\\-json\\-file\\fR=\\fIPATH\\fR");
        var model = CommandModel.build();
        for (var option : model.getSubcommands().get("exec").getCommandSpec().options()) {
            assertThat(exec).contains(ManPages.text(option.longestName()));
        }
        String deploy = Files.readString(dir.resolve("man1/jinfra-deploy.1"));
        assertThat(deploy).contains("\\fB\\-\\-[no\\-]pipeline\\fR").contains("\\fB\\-\\-dry\\fR");
        String operations = Files.readString(dir.resolve("man1/jinfra-operation.1"));
        for (String name : Catalog.operationNames()) {
            assertThat(operations).contains(".TP\n\\fB" + ManPages.text(name) + "\\fR\n");
        }
        assertThat(Files.readString(dir.resolve("man1/jinfra.1")))
                .contains(".SH EXIT STATUS")
                .contains("\\fBjinfra\\-report\\fR(1)");
    }

    @Test
    void groffReadsEveryPageWithoutAWarning() throws Exception {
        ManPages.write(dir);
        assertThat(Path.of("/usr/bin/groff"))
                .as("this test needs groff (apt-get install groff-base)")
                .isExecutable();
        for (String page : ManPages.pages().keySet()) {
            Process p = new ProcessBuilder(List.of(
                            "groff",
                            "-man",
                            "-Tutf8",
                            "-ww",
                            "-z",
                            dir.resolve(page + ".1").toString()))
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(out).as(page).isEmpty();
            assertThat(p.exitValue()).as(page).isZero();
        }
    }

    @Test
    void roffControlCharactersInTextAreKeptAsText() {
        assertThat(ManPages.text(".jinfra/failed-hosts")).isEqualTo("\\&.jinfra/failed\\-hosts");
        assertThat(ManPages.text("a\\b")).isEqualTo("a\\eb");
        assertThat(ManPages.text("'quoted'")).isEqualTo("\\&'quoted'");
    }
}
