package dev.jinfra.testkit.roots;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running Podman container made for a test from a {@link BusyboxTree} (imported as an image: no registry, no
 * network), named {@code jinfra-test-…}, with no network of its own. {@link #close()} removes the container and
 * its image by their ids, whatever the test did.
 *
 * <p>Two settings make Podman 4.3 run on machines like the CI's: runc rather than crun, which refuses a cgroup v1
 * hierarchy with a controller in the v2 one ("cgroups in hybrid mode not supported"), and a limit of open files
 * below the hard limit, which the container runtime may not raise ("setrlimit RLIMIT_NOFILE: Operation not
 * permitted").
 */
public final class PodmanContainer implements AutoCloseable {
    public static final String PODMAN = "podman";

    private final String name;
    private final String imageId;
    private final String containerId;

    private PodmanContainer(String name, String imageId, String containerId) {
        this.name = name;
        this.imageId = imageId;
        this.containerId = containerId;
    }

    /** The container's name, as in {@code @podman/NAME}. */
    public String name() {
        return name;
    }

    /** Imports {@code tree} as an image and starts a container of it that sleeps until removed. */
    public static PodmanContainer start(Path tree) throws IOException, InterruptedException {
        BusyboxTree.requireUsable();
        String name = "jinfra-test-" + Long.toHexString(System.nanoTime());
        Path tar = Files.createTempFile("jinfra-image-", ".tar");
        String imageId = null;
        try {
            run(List.of("tar", "-C", tree.toString(), "-cf", tar.toString(), "."));
            imageId = run(List.of(PODMAN, "import", "--quiet", tar.toString(), "localhost/" + name + ":test"))
                    .strip();
            List<String> words = new ArrayList<>(List.of(PODMAN));
            if (hasRunc()) {
                words.addAll(List.of("--runtime", "runc"));
            }
            words.addAll(List.of(
                    "run",
                    "--detach",
                    "--name",
                    name,
                    "--network",
                    "none",
                    "--ulimit",
                    "nofile=1024:1024",
                    "--ulimit",
                    "nproc=1024:1024",
                    imageId,
                    "/bin/busybox",
                    "sleep",
                    "86400"));
            String containerId = run(words).strip();
            return new PodmanContainer(name, imageId, containerId);
        } catch (IOException | RuntimeException e) {
            // A container that was made but did not start is removed with its name; the image by its id.
            quietly(List.of(PODMAN, "rm", "--force", "--time", "0", name));
            if (imageId != null) {
                quietly(List.of(PODMAN, "rmi", "--force", imageId));
            }
            throw e;
        } finally {
            Files.deleteIfExists(tar);
        }
    }

    private static boolean hasRunc() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "runc"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Makes a second container of the same image without starting it, and returns its name; {@link #close()}
     * removes it too.
     */
    public String createStopped() throws IOException, InterruptedException {
        String stopped = name + "-stopped";
        run(List.of(PODMAN, "create", "--name", stopped, imageId, "/bin/busybox", "true"));
        return stopped;
    }

    /** Runs a command in the container with podman itself, for checks made beside jinfra. */
    public String exec(String... command) throws IOException, InterruptedException {
        List<String> words = new ArrayList<>(List.of(PODMAN, "exec", containerId));
        words.addAll(List.of(command));
        return run(words);
    }

    @Override
    public void close() {
        quietly(List.of(PODMAN, "rm", "--force", "--ignore", name + "-stopped"));
        quietly(List.of(PODMAN, "rm", "--force", "--time", "0", containerId));
        quietly(List.of(PODMAN, "rmi", "--force", imageId));
    }

    private static void quietly(List<String> words) {
        try {
            run(words);
        } catch (IOException | InterruptedException | RuntimeException e) {
            // Cleaning up after a failure: the failure is the one to report.
        }
    }

    private static String run(List<String> words) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(words).start();
        var errorBytes = new java.io.ByteArrayOutputStream();
        var pump = Thread.ofVirtual().start(() -> {
            try {
                p.getErrorStream().transferTo(errorBytes);
            } catch (IOException ignored) {
                // What arrived is kept.
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pump.join();
        String errors = errorBytes.toString(StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", words.subList(0, Math.min(words.size(), 3))) + " failed: "
                    + errors.strip());
        }
        return out;
    }
}
