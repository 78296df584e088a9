package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.cli.output.Shard;
import dev.jinfra.inventory.Host;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --shard I/N}: which hosts a shard takes, and what it refuses. */
class ShardOptionTest {
    @TempDir
    Path cwd;

    /** The hosts {@code --shard shard} selects from {@code inventory}, as a command would. */
    List<String> selected(String inventory, String shard) {
        var targets = new TargetOptions();
        targets.shard = shard;
        targets.runId = "test";
        var console = new Console(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                cwd,
                false);
        return targets.select(inventory, console).stream().map(Host::name).toList();
    }

    @Test
    void nShardsTogetherTakeEveryHostExactlyOnce() {
        List<String> all = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            List<String> part = selected("web-[0001-1000]", i + "/4");
            assertThat(part).as("shard " + i + "/4 of 1000 hosts").hasSizeBetween(200, 300);
            all.addAll(part);
        }
        assertThat(all).hasSize(1000).doesNotHaveDuplicates();
        assertThat(new HashSet<>(all)).hasSize(1000);
    }

    @Test
    void aShardKeepsItsHostsWhenTheInventoryGrows() {
        for (int i = 1; i <= 4; i++) {
            List<String> before = selected("web-[001-300]", i + "/4");
            List<String> after = selected("web-[001-300],db-[01-40],web-[301-400]", i + "/4");
            assertThat(after).as("shard " + i + "/4").containsAll(before);
            assertThat(after.stream().filter(h -> h.startsWith("web-") && h.compareTo("web-301") < 0))
                    .isEqualTo(before);
        }
    }

    @Test
    void theShardOfAHostIsTheFirstEightBytesOfTheSha256OfItsNameModuloN() throws Exception {
        byte[] sha =
                java.security.MessageDigest.getInstance("SHA-256").digest("web-01".getBytes(StandardCharsets.UTF_8));
        long first8 = java.nio.ByteBuffer.wrap(sha, 0, 8).getLong();
        for (int n : List.of(1, 2, 3, 4, 7, 100)) {
            assertThat(Shard.of("web-01", n)).isEqualTo((int) Long.remainderUnsigned(first8, n) + 1);
        }
        // Pinned: controllers of different versions must agree on the partition.
        assertThat(IntStream.rangeClosed(1, 8)
                        .map(i -> Shard.of("web-0" + i, 4))
                        .toArray())
                .containsExactly(4, 1, 3, 1, 4, 1, 2, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/3", "4/3", "x", "1/0", "-1/3", "1/", "/3", "1/3/4"})
    void aShardThatIsNotOneIsAOneLineUsageError(String shard) {
        CliRun r = CliRun.run(cwd, "web-[1-3]", "exec", "--shard", shard, "--run-id", "r1", "--", "true");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err().lines().toList()).as(r.toString()).hasSize(1);
        assertThat(r.err()).startsWith("jinfra: --shard").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aShardNeedsARunIdThatEveryShardShares() {
        for (String action : List.of("exec", "fact")) {
            List<String> args = new ArrayList<>(List.of("web-[1-3]", action));
            args.addAll(
                    action.equals("exec")
                            ? List.of("--shard", "1/3", "--", "true")
                            : List.of("Hostname", "--shard", "1/3"));
            CliRun r = CliRun.run(cwd, args.toArray(String[]::new));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).as(r.toString()).startsWith("jinfra: --shard 1/3 needs --run-id ID");
            assertThat(r.err().lines().toList()).hasSize(1);
        }
    }

    @Test
    void theSameShardIsTheSameHostsEveryTime() {
        Set<String> once = new HashSet<>(selected("web-[001-200]", "3/5"));
        assertThat(new HashSet<>(selected("web-[001-200]", "3/5"))).isEqualTo(once);
    }
}
