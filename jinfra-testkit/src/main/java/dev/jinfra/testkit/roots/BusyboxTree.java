package dev.jinfra.testkit.roots;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small Linux root file system made from this machine's statically linked BusyBox: {@code /bin/busybox} with a
 * link for each of its programs in {@code /bin}, {@code /tmp}, {@code /root}, {@code /etc/passwd} and a {@code
 * /dev/null}. Enough for a shell, the tools jinfra's facts and operations use, and a {@code chroot} into it or a
 * container image made from it: nothing needs to be downloaded.
 */
public final class BusyboxTree {
    /** Debian's {@code busybox-static}; {@code busybox} from the PATH is taken when it is statically linked. */
    public static final Path BUSYBOX = Path.of("/bin/busybox");

    private BusyboxTree() {}

    /**
     * Why the tree cannot be made here, or null when it can: the tests fail with this, rather than being
     * skipped, so a machine without it is seen.
     */
    public static String problem() {
        if (!Files.isExecutable(BUSYBOX)) {
            return BUSYBOX + " is missing: the chroot and container tests need a static BusyBox"
                    + " (Debian: apt-get install busybox-static; .ci/run installs it)";
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "the chroot and container tests must run as root (chroot, mknod, podman); running as "
                    + System.getProperty("user.name");
        }
        return null;
    }

    /** Fails with {@link #problem()} when there is one. */
    public static void requireUsable() {
        String problem = problem();
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /** Makes the tree in {@code root} (an empty or missing directory) and returns it. */
    public static Path create(Path root) throws IOException, InterruptedException {
        requireUsable();
        Path bin = Files.createDirectories(root.resolve("bin"));
        Files.copy(BUSYBOX, bin.resolve("busybox"));
        for (String program : run(List.of(BUSYBOX.toString(), "--list")).lines().toList()) {
            if (!program.isBlank() && !program.equals("busybox") && !Files.exists(bin.resolve(program))) {
                Files.createSymbolicLink(bin.resolve(program), Path.of("busybox"));
            }
        }
        // /usr/bin and /sbin as links, so that scripts with #!/usr/bin/env and absolute paths find their programs.
        Files.createDirectories(root.resolve("usr"));
        Files.createSymbolicLink(root.resolve("usr/bin"), Path.of("../bin"));
        Files.createSymbolicLink(root.resolve("sbin"), Path.of("bin"));
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.createDirectories(root.resolve("root"));
        Path etc = Files.createDirectories(root.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534::/:/bin/false\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\nnogroup:x:65534:\n");
        Path dev = Files.createDirectories(root.resolve("dev"));
        // Commands send what they do not want to /dev/null; in a tree without it they would fail.
        run(List.of("mknod", "-m", "666", dev.resolve("null").toString(), "c", "1", "3"));
        return root;
    }

    private static String run(List<String> words) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(words).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", words) + " failed: " + out.strip());
        }
        return out;
    }
}
