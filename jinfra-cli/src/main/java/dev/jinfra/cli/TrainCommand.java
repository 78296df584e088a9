package dev.jinfra.cli;

import dev.jinfra.testkit.SshFleet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code jinfra __train run|deploy}: the launcher's training runs for the JDK's AOT caches. Each does what real
 * runs do (SSH sessions to a small in-process fleet, an exec and an operation; for {@code deploy}, also a deploy
 * file compiled and run twice) so that its cache holds the classes those runs load. Not meant for users; the
 * output is discarded.
 *
 * <p>Two caches because the JVM loads every class of its cache at start: the Java compiler and the deploy
 * machinery are about a third of the full cache's 7,100 classes, and loading them cost an exec about 20 ms for
 * nothing.
 */
final class TrainCommand {
    private TrainCommand() {}

    /** {@code mode}: {@code run} (exec and an operation) or {@code deploy} (those and deploy files). */
    static int run(String mode) throws Exception {
        Path dir = Files.createTempDirectory("jinfra-train");
        var sink = new PrintStream(new ByteArrayOutputStream(), true);
        var quiet = new Console(sink, sink, dir, false);
        try (SshFleet fleet = SshFleet.builder().hosts(3).build().start()) {
            String inventory = fleet.inventoryYaml().toString();
            step(quiet, inventory, "exec", "--progress", "never", "--", "true");
            step(quiet, inventory, "files.directory", "path=" + dir.resolve("op"), "--yes", "--progress", "never");
            if (mode.equals("run")) {
                return ExitCode.OK;
            }
            Files.writeString(dir.resolve("deploy.java"), """
                    void deploy(Host host) {
                        files.directory("%s/" + host.name(), "750");
                        server.shell("true");
                    }
                    """.formatted(dir));
            step(quiet, inventory, "deploy.java", "--yes", "--progress", "never");
            step(quiet, inventory, "deploy.java", "--yes", "--progress", "never", "--json");
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
        return ExitCode.OK;
    }

    /** One run of the command line; a failed one would train the cache on an error path, so it stops training. */
    private static void step(Console console, String... args) {
        int code = Main.run(args, console);
        if (code != ExitCode.OK) {
            throw new IllegalStateException("training step " + String.join(" ", args) + " exited with " + code);
        }
    }
}
