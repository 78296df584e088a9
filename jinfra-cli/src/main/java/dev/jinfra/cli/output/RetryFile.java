package dev.jinfra.cli.output;

import dev.jinfra.engine.HostState;
import dev.jinfra.engine.RunSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
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
        return write(file, byState(summary), what);
    }

    /** The hosts of an exec run that did not succeed, under their state. */
    public static Map<String, List<String>> byState(RunSummary summary) {
        Map<String, List<String>> byState = new LinkedHashMap<>();
        for (HostState state :
                List.of(HostState.FAILED, HostState.TIMED_OUT, HostState.UNREACHABLE, HostState.NOT_STARTED)) {
            byState.put(
                    state.label(),
                    summary.withState(state).stream().map(r -> r.host().name()).toList());
        }
        return byState;
    }

    /**
     * Writes {@link #DEFAULT} under {@code cwd}; when that fails (a read-only directory), says so in one line on
     * {@code err} instead. The run is over and reported by then, so its exit code must stay the one the report
     * gives, not become an error of its own.
     *
     * @return the number of host names written, or -1 when the file could not be written
     */
    public static int record(Path cwd, Map<String, List<String>> byState, String what, PrintStream err) {
        Path file = cwd.resolve(DEFAULT);
        try {
            return write(file, byState, what);
        } catch (IOException e) {
            String stale = Files.exists(file) ? "; it still lists an earlier run's hosts for --retry failed" : "";
            err.println("jinfra: warning: cannot write " + DEFAULT + ": " + reason(e, cwd) + stale);
            return -1;
        }
    }

    private static String reason(IOException e, Path cwd) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            Path in = Path.of(((FileSystemException) e).getFile());
            return (in.startsWith(cwd) ? cwd.relativize(in) : in) + " is not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return dev.jinfra.problem.Problems.inWords(e);
    }

    /** Writes the host names under a comment per state (states with no hosts are left out). */
    public static int write(Path file, Map<String, List<String>> byState, String what) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# hosts that did not succeed in: ")
                .append(what.replace('\n', ' '))
                .append('\n');
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
