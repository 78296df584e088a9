package dev.jinfra.cli.output;

import dev.jinfra.run.HostState;
import dev.jinfra.run.RunSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, List<String>> byState = new LinkedHashMap<>();
        for (HostState state : List.of(HostState.FAILED, HostState.TIMED_OUT, HostState.UNREACHABLE, HostState.NOT_STARTED)) {
            byState.put(state.label(), summary.withState(state).stream().map(r -> r.host().name()).toList());
        }
        return write(file, byState, what);
    }

    /** Writes the host names under a comment per state (states with no hosts are left out). */
    public static int write(Path file, Map<String, List<String>> byState, String what) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# hosts that did not succeed in: ").append(what.replace('\n', ' ')).append('\n');
        sb.append("# written ").append(Instant.now()).append("; retry them with: --retry failed\n");
        int written = 0;
        for (var e : byState.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            sb.append("# ").append(e.getKey()).append('\n');
            for (String host : e.getValue()) {
                sb.append(host).append('\n');
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
