package dev.jinfra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Small helpers for tests that run real programs on this machine: run one to its end, read process command lines. */
public final class LocalProcesses {
    private LocalProcesses() {}

    /** What a finished program printed (stdout and stderr together) and its exit status. */
    public record Finished(int exit, String output) {}

    /** Runs {@code command} to its end, {@code stdin} (may be null) on its input; fails after {@code limit}. */
    public static Finished run(Duration limit, String stdin, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("did not finish in " + limit + ": " + String.join(" ", command));
            }
            return new Finished(p.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Runs {@code command} and returns its output; fails with that output when it exits other than 0. */
    public static String check(String stdin, String... command) {
        Finished f = run(Duration.ofSeconds(30), stdin, command);
        if (f.exit() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + f.exit() + ": " + f.output());
        }
        return f.output();
    }

    /** A program that must be installed: a clear failure, not a skip, when it is not (CI installs it). */
    public static Path required(String path, String packageName) {
        Path p = Path.of(path);
        if (!Files.isExecutable(p)) {
            throw new IllegalStateException(
                    path + " is missing: install the Debian package " + packageName + " (.ci/run does)");
        }
        return p;
    }

    /** Every process's command line on this machine that holds {@code text}. */
    public static List<String> commandLinesWith(String text) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    String cmdline = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    if (cmdline.contains(text)) {
                        found.add(p.getFileName() + ": " + cmdline);
                    }
                } catch (IOException gone) {
                    // The process ended while the list was read.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Stops the process {@code pid} (SIGTERM), then kills it if it is still there after {@code grace}. */
    public static void stop(long pid, Duration grace) {
        ProcessHandle.of(pid).ifPresent(h -> {
            h.destroy();
            try {
                h.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception notYet) {
                h.destroyForcibly();
            }
        });
    }

    /** Deletes a directory tree, best effort (a server may leave files that vanish meanwhile). */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Left for the system's temporary-file cleanup.
                }
            });
        } catch (IOException ignored) {
            // Left for the system's temporary-file cleanup.
        }
    }
}
