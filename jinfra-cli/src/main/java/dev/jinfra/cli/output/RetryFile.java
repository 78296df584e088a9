package dev.jinfra.cli.output;

import dev.jinfra.run.HostResult;
import dev.jinfra.run.HostState;
import dev.jinfra.run.RunSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

/**
 * After each run, the hosts that did not succeed, one name per line under a comment per state, in
 * {@code .jinfra/failed-hosts}. {@code --retry failed} (or {@code --limit @.jinfra/failed-hosts}) targets exactly
 * them. The file is replaced atomically, and emptied (comments only) by a run in which every host succeeded.
 */
public final class RetryFile {
    public static final Path DEFAULT = Path.of(".jinfra", "failed-hosts");

    private RetryFile() {}

    /** @return the number of host names written */
    public static int write(Path file, RunSummary summary, String what) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# hosts that did not succeed in: ").append(what.replace('\n', ' ')).append('\n');
        sb.append("# written ").append(Instant.now()).append("; retry them with: --retry failed\n");
        int written = 0;
        for (HostState state : List.of(HostState.FAILED, HostState.TIMED_OUT, HostState.UNREACHABLE, HostState.NOT_STARTED)) {
            List<HostResult> hosts = summary.withState(state);
            if (hosts.isEmpty()) {
                continue;
            }
            sb.append("# ").append(state.label()).append('\n');
            for (HostResult r : hosts) {
                sb.append(r.host().name()).append('\n');
                written++;
            }
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".failed-hosts", ".tmp");
        try {
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return written;
    }
}
