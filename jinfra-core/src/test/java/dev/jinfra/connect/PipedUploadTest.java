package dev.jinfra.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.api.Payload;
import dev.jinfra.command.ShellQuote;
import dev.jinfra.inventory.Host;
import dev.jinfra.testing.NotingPrograms;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload-on-input protocol on a real shell (this machine's /bin/sh): whole content in, or nothing installed. */
class PipedUploadTest {
    @TempDir
    Path dir;

    private final Connection local =
            new LocalConnector().connect(new Host("local", java.util.List.of(), java.util.Map.of()));

    private CommandResult install(Payload content, byte[] before) {
        Path upload = dir.resolve("upload");
        Path dest = dir.resolve("dest");
        String command = PipedUpload.prefix(upload.toString(), content.size()) + "mv -- "
                + ShellQuote.quote(upload.toString()) + " " + ShellQuote.quote(dest.toString())
                // Whatever the command reads after the upload: nothing is left for it.
                + "; cat";
        return local.run(new CommandRequest(command, before, Duration.ofSeconds(30), content), OutputListener.NONE);
    }

    @Test
    void theContentArrivesByteForByte() throws Exception {
        // Binary, with the confirmation line's own text inside and no newline at the end.
        byte[] content = "line\nok\n\u0000\u00ff no newline".getBytes(StandardCharsets.ISO_8859_1);
        CommandResult clean = install(Payload.of(content), null);
        assertThat(clean.exitCode()).as(clean.stderr()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("dest"))).isEqualTo(content);
        assertThat(clean.stdout()).isEmpty();
    }

    @Test
    void theContentArrivesWholeWhereHeadAndDdAreBusyBoxs() throws Exception {
        // BusyBox's head -c reads past the size when more input is there already; its dd counts exactly.
        dev.jinfra.testkit.roots.BusyboxTree.requireUsable();
        Path bin = Files.createDirectories(dir.resolve("busybox-bin"));
        for (String program : java.util.List.of("head", "dd", "rm", "mv", "cat")) {
            Files.createSymbolicLink(bin.resolve(program), dev.jinfra.testkit.roots.BusyboxTree.BUSYBOX);
        }
        for (int size : new int[] {1, 1000, 70_000}) {
            byte[] content = new byte[size];
            new java.util.Random(size).nextBytes(content);
            String command = "PATH=" + ShellQuote.quote(bin.toString()) + "; "
                    + PipedUpload.prefix(dir.resolve("upload").toString(), size) + "mv -- "
                    + ShellQuote.quote(dir.resolve("upload").toString()) + " "
                    + ShellQuote.quote(dir.resolve("dest").toString());
            CommandResult r = local.run(
                    new CommandRequest(command, null, Duration.ofSeconds(30), Payload.of(content)),
                    OutputListener.NONE);
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(Files.readAllBytes(dir.resolve("dest"))).isEqualTo(content);
        }
    }

    @Test
    void severalUploadsInOneCommandAskWhichHeadThereIsOnce() throws Exception {
        Path asked = dir.resolve("started");
        Path bin = NotingPrograms.create(dir.resolve("noting-bin"), asked, java.util.List.of("head"));
        byte[] first = "first\n".getBytes(StandardCharsets.UTF_8);
        byte[] second = "second, longer\n".getBytes(StandardCharsets.UTF_8);
        StringBuilder command = new StringBuilder("PATH=" + ShellQuote.quote(bin + ":" + System.getenv("PATH")) + "; ");
        for (String name : java.util.List.of("one", "two")) {
            long size = name.equals("one") ? first.length : second.length;
            command.append(PipedUpload.prefix(dir.resolve(name).toString(), size));
        }
        command.append("true");
        CommandResult r = local.run(
                new CommandRequest(
                        command.toString(),
                        null,
                        Duration.ofSeconds(30),
                        java.util.List.of(Payload.of(first), Payload.of(second))),
                OutputListener.NONE);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("one"))).isEqualTo(first);
        assertThat(Files.readAllBytes(dir.resolve("two"))).isEqualTo(second);
        assertThat(NotingPrograms.started(asked))
                .filteredOn("head --version"::equals)
                .hasSize(1);
    }

    @Test
    void aLocalFileThatChangesWhileItIsSentInstallsNothing() throws Exception {
        Path src = Files.writeString(dir.resolve("src"), "planned content\n");
        long modified = Files.getLastModifiedTime(src).to(java.util.concurrent.TimeUnit.NANOSECONDS);
        AtomicInteger checks = new AtomicInteger();
        Payload changing = new Payload() {
            @Override
            public long size() {
                return 16;
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(src);
            }

            @Override
            public void checkUnchanged() throws IOException {
                // Unchanged before it is sent, changed by the time it was.
                if (checks.incrementAndGet() > 1) {
                    throw new IOException("changed");
                }
            }
        };
        CommandResult r = install(changing, null);
        assertThat(r.exitCode()).isEqualTo(PipedUpload.INCOMPLETE);
        assertThat(r.stderr())
                .contains("the local file changed while the run was using it")
                .contains("the upload did not arrive whole; nothing was installed");
        assertThat(dir.resolve("dest")).doesNotExist();
        assertThat(dir.resolve("upload")).as("the partial upload is removed").doesNotExist();
        assertThat(modified).isPositive();
    }

    @Test
    void contentShorterThanPlannedInstallsNothing() throws Exception {
        Payload shorter = new Payload() {
            @Override
            public long size() {
                return 100;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream("only part".getBytes(StandardCharsets.UTF_8));
            }
        };
        CommandResult r = install(shorter, null);
        assertThat(r.exitCode()).isEqualTo(PipedUpload.INCOMPLETE);
        assertThat(dir.resolve("dest")).doesNotExist();
        assertThat(dir.resolve("upload")).doesNotExist();
    }
}
