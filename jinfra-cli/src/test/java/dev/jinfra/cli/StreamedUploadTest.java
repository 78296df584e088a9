package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.SshFleetExtension;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** files.put streams: a file several times the controller's heap uploads, and a dry run of it reads it once. */
class StreamedUploadTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(2);

    @TempDir
    Path cwd;

    static final long SIZE = 100L * 1024 * 1024;

    /** A deploy that uploads {@code big} to each host's own directory. */
    void writeDeploy(Path big) throws Exception {
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    files.put("%s", "%s/" + host.name() + ".bin");
                }
                """.formatted(big, cwd.resolve("hosts")));
        Files.createDirectories(cwd.resolve("hosts"));
    }

    record Finished(int exitCode, String out, String err) {}

    Path bigFile() throws Exception {
        Path big = cwd.resolve("big.bin");
        try (var f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(SIZE);
            f.seek(SIZE / 2);
            f.write("somewhere in the middle".getBytes());
        }
        return big;
    }

    Finished runWithSmallHeap(String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(
                List.of(fleetExtension.fleet().inventoryYaml().toString(), "deploy.java", "--yes"));
        args.addAll(List.of(extra));
        // 48 MB of heap for a file of 100 MB on two hosts: reading it whole would not fit once.
        try (var jinfra = JinfraProcess.start(cwd, List.of("-Xmx48m"), args)) {
            assertThat(jinfra.waitFor(Duration.ofMinutes(3)))
                    .as("jinfra finished")
                    .isTrue();
            return new Finished(jinfra.exitCode(), jinfra.out(), jinfra.err());
        }
    }

    @Test
    void aFileMuchLargerThanTheHeapIsUploadedToEveryHost() throws Exception {
        Path big = bigFile();
        writeDeploy(big);
        var dry = runWithSmallHeap("--dry");
        assertThat(dry.exitCode()).as(dry.toString()).isEqualTo(ExitCode.OK);
        assertThat(dry.out()).contains("too large to show");

        var run = runWithSmallHeap();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        for (String h : fleetExtension.fleet().hostNames()) {
            assertThat(Files.mismatch(big, cwd.resolve("hosts").resolve(h + ".bin")))
                    .isEqualTo(-1L);
        }
    }

    @Test
    void anUploadRemovesUploadsLeftOverADayAgoByRunsThatWereKilled() throws Exception {
        Path small = Files.writeString(cwd.resolve("small.txt"), "hello\n");
        writeDeploy(small);
        // The in-process hosts' /tmp is this machine's.
        Path old = Files.writeString(Path.of("/tmp", ".jinfra-upload-left-" + System.nanoTime()), "half");
        Path recent = Files.writeString(Path.of("/tmp", ".jinfra-upload-recent-" + System.nanoTime()), "half");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(25))));
        try {
            CliRun run = CliRun.run(cwd, fleetExtension.fleet().inventoryYaml().toString(), "deploy.java", "--yes");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
            assertThat(old).doesNotExist();
            assertThat(recent).as("an upload of a run still going on").exists();
        } finally {
            Files.deleteIfExists(old);
            Files.deleteIfExists(recent);
        }
    }
}
