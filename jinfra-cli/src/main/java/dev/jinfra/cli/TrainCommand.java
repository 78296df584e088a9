package dev.jinfra.cli;

import dev.jinfra.testkit.SshFleet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code jinfra __train}: the launcher's training run for the JDK's AOT cache. It does what real runs do
 * (SSH sessions to a small in-process fleet, an exec, a deploy file compiled and run twice) so that the cache
 * holds the classes those runs load. Not meant for users; its output is discarded.
 */
final class TrainCommand {
    private TrainCommand() {}

    static int run() throws Exception {
        Path dir = Files.createTempDirectory("jinfra-train");
        var sink = new PrintStream(new ByteArrayOutputStream(), true);
        var quiet = new Console(sink, sink, dir, false);
        try (SshFleet fleet = SshFleet.builder().hosts(3).build().start()) {
            String inventory = fleet.inventoryYaml().toString();
            Main.run(new String[] {inventory, "exec", "--progress", "never", "--", "true"}, quiet);
            Files.writeString(dir.resolve("deploy.java"), """
                    void deploy(Host host) {
                        files.directory("%s/" + host.name(), "750");
                        server.shell("true");
                    }
                    """.formatted(dir));
            Main.run(new String[] {inventory, "deploy.java", "--yes", "--progress", "never"}, quiet);
            Main.run(new String[] {inventory, "deploy.java", "--yes", "--progress", "never", "--json"}, quiet);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return ExitCode.OK;
    }
}
