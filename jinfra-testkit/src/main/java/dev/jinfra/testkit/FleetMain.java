package dev.jinfra.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An in-process fleet as a process of its own, for benchmarks (bench/deploy-bench --fleet inprocess). Why: a
 * thousand real sshd are heavy for a small machine, and a fleet inside the measured jinfra JVM would count in its
 * memory; in its own JVM the fleet is light and jinfra's resident size is jinfra's alone.
 *
 * <pre>java -cp jinfra.jar dev.jinfra.testkit.FleetMain --hosts N --inventory FILE [--dir DIR] [--prefix P]</pre>
 *
 * Starts the fleet, copies its inventory to FILE, prints {@code ready} and serves until stdin closes or the
 * process gets SIGTERM. A line {@code sessions} on stdin prints {@code NAME COUNT} for every host (SSH sessions
 * opened so far: logins), then {@code end}.
 */
public final class FleetMain {
    private FleetMain() {}

    public static void main(String[] args) throws IOException {
        int hosts = 0;
        Path inventory = null;
        SshFleet.Builder builder = SshFleet.builder();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--hosts" -> hosts = Integer.parseInt(args[i + 1]);
                case "--inventory" -> inventory = Path.of(args[i + 1]);
                case "--dir" -> builder.directory(Path.of(args[i + 1]));
                case "--prefix" -> builder.namePrefix(args[i + 1]);
                default -> hosts = -1;
            }
        }
        if (hosts < 1 || inventory == null || args.length % 2 != 0) {
            System.err.println("usage: FleetMain --hosts N --inventory FILE [--dir DIR] [--prefix P]");
            System.exit(2);
        }
        SshFleet fleet = builder.hosts(hosts).start();
        // SIGTERM runs the shutdown hooks: the fleet's ports and temporary directory go with the process.
        Runtime.getRuntime().addShutdownHook(new Thread(fleet::close));
        Files.copy(fleet.inventoryYaml(), inventory, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("ready");
        System.out.flush();
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.strip().equals("sessions")) {
                StringBuilder out = new StringBuilder();
                fleet.hosts()
                        .forEach(h -> out.append(h.name())
                                .append(' ')
                                .append(h.sessionsOpened())
                                .append('\n'));
                System.out.print(out.append("end\n"));
                System.out.flush();
            }
        }
        fleet.close();
    }
}
