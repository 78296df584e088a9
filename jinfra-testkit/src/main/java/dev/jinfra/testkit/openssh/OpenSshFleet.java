package dev.jinfra.testkit.openssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A fleet of real OpenSSH servers on loopback addresses, run by the repository's {@code scripts/sshd-fleet}.
 *
 * <p>Every host is one {@code /usr/sbin/sshd} on its own {@code 127.x.y.z} address, in its own UTS and mount
 * namespace: {@code hostname} and the session variable {@code FLEET_HOST} both equal the host's name. The
 * fleet writes a jinfra inventory, an ed25519 client key authorized for root and a known_hosts file with
 * a line per host. Starting needs root and an installed OpenSSH server.
 *
 * <p>With {@link Options#withOverlay(boolean) overlays} every host also sees {@code /etc}, {@code /home},
 * {@code /var} and {@code /usr} through a copy-on-write overlay of its own, so deploys can add users or edit
 * system files for real: the changes land in {@link #overlayDir(Host)} and reach neither the other hosts nor
 * the machine running the fleet.
 *
 * <pre>{@code
 * try (var fleet = OpenSshFleet.start(5, dir)) {
 *     for (var host : fleet.hosts()) { ... host.address() ... }
 * }
 * }</pre>
 */
public final class OpenSshFleet implements AutoCloseable {

    /** Where OpenSSH's server must be installed; the script runs exactly this binary. */
    public static final Path SSHD = Path.of("/usr/sbin/sshd");
    /** System property naming the repository root (Surefire sets it). */
    public static final String REPO_ROOT_PROPERTY = "jinfra.repo.root";
    /** System property with the port every sshd listens on (default 22). */
    public static final String PORT_PROPERTY = "jinfra.e2e.port";
    /** The script, relative to the repository root. */
    public static final String SCRIPT = "scripts/sshd-fleet";

    /** One host of the fleet: inventory name, loopback address and port. */
    public record Host(String name, String address, int port) {
        public Host {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * Options for {@link #start(Options)}; {@code base} is an address or {@code auto}; {@code overlay} gives
     * every host copy-on-write system directories (the script's {@code --overlay}).
     */
    public record Options(
            int hosts,
            Path dir,
            String prefix,
            String base,
            int port,
            int startTimeoutSeconds,
            boolean overlay,
            int maxSessions) {
        public Options {
            if (hosts < 1) {
                throw new IllegalArgumentException("a fleet needs at least one host, got " + hosts);
            }
            Objects.requireNonNull(dir, "dir");
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(base, "base");
            if (maxSessions < 1) {
                throw new IllegalArgumentException("MaxSessions must be at least 1, got " + maxSessions);
            }
        }

        /**
         * {@code hosts} hosts in {@code dir}, named h1.. (zero-padded to the width of the count), on the first
         * free 127.N.0.1 range, on port 22 or the port in the system property {@value #PORT_PROPERTY} (for
         * machines whose own sshd listens on 0.0.0.0:22).
         */
        public static Options of(int hosts, Path dir) {
            return new Options(
                    hosts, dir, "h", "auto", Integer.getInteger(PORT_PROPERTY, 22), 60 + hosts / 20, false, 1000);
        }

        public Options withPrefix(String p) {
            return new Options(hosts, dir, p, base, port, startTimeoutSeconds, overlay, maxSessions);
        }

        public Options withBase(String b) {
            return new Options(hosts, dir, prefix, b, port, startTimeoutSeconds, overlay, maxSessions);
        }

        public Options withPort(int p) {
            return new Options(hosts, dir, prefix, base, p, startTimeoutSeconds, overlay, maxSessions);
        }

        /**
         * With {@code true}, system changes made on a host stay on that host: {@code /etc}, {@code /home},
         * {@code /var} and {@code /usr} are overlays whose writes go below the fleet directory. Starting fails
         * (it does not fall back to shared directories) where overlays cannot be mounted.
         */
        public Options withOverlay(boolean o) {
            return new Options(hosts, dir, prefix, base, port, startTimeoutSeconds, o, maxSessions);
        }

        /** sshd's MaxSessions: how many channels one connection may have open at once (default 1000). */
        public Options withMaxSessions(int n) {
            return new Options(hosts, dir, prefix, base, port, startTimeoutSeconds, overlay, n);
        }
    }

    private static final Pattern INVENTORY_HOST =
            Pattern.compile("^ {2}(\\S+): \\{ ssh_hostname: ([0-9.]+)(?:, ssh_port: (\\d+))? }\\s*$");

    private final Path script;
    private final Path dir;
    private final List<Host> hosts;
    private final List<Long> pids;
    private final boolean overlay;
    private boolean closed;

    private OpenSshFleet(Path script, Path dir, List<Host> hosts, List<Long> pids, boolean overlay) {
        this.script = script;
        this.dir = dir;
        this.hosts = List.copyOf(hosts);
        this.pids = List.copyOf(pids);
        this.overlay = overlay;
    }

    /** Starts {@code n} hosts whose files go into {@code dir} (created when missing). */
    public static OpenSshFleet start(int n, Path dir) {
        return start(Options.of(n, dir));
    }

    /** Starts a fleet; on failure nothing is left running and the exception carries the script's output. */
    public static OpenSshFleet start(Options options) {
        String problem = unavailableReason();
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        Path script = script();
        Path dir = options.dir().toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(
                script.toString(),
                "start",
                "--hosts",
                Integer.toString(options.hosts()),
                "--dir",
                dir.toString(),
                "--prefix",
                options.prefix(),
                "--base",
                options.base(),
                "--port",
                Integer.toString(options.port()),
                "--timeout",
                Integer.toString(options.startTimeoutSeconds()),
                "--max-sessions",
                Integer.toString(options.maxSessions())));
        if (options.overlay()) {
            command.add("--overlay");
        }
        Result result = run(command, options.startTimeoutSeconds() + 120L);
        if (result.exitCode() != 0) {
            // The script's trap stops what it started; stop again in case it was killed by the timeout.
            run(List.of(script.toString(), "stop", "--dir", dir.toString()), 60);
            throw new IllegalStateException("sshd-fleet start failed (exit " + result.exitCode() + "): "
                    + result.output().strip());
        }
        try {
            List<Host> hosts = parseInventory(dir.resolve("inventory.yaml"));
            List<Long> pids = Files.readAllLines(dir.resolve("pids")).stream()
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .map(Long::valueOf)
                    .toList();
            if (hosts.size() != options.hosts() || pids.size() != options.hosts()) {
                throw new IllegalStateException("sshd-fleet wrote " + hosts.size() + " hosts and " + pids.size()
                        + " pids, expected " + options.hosts());
            }
            return new OpenSshFleet(script, dir, hosts, pids, options.overlay());
        } catch (IOException | RuntimeException e) {
            run(List.of(script.toString(), "stop", "--dir", dir.toString()), 60);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot read the fleet's files in " + dir, io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Why a fleet cannot start on this machine, or {@code null} when it can: OpenSSH's server must be
     * installed, the process must run as root, and the script must be found.
     */
    public static String unavailableReason() {
        if (!Files.isExecutable(SSHD)) {
            return SSHD + " is missing: the real-sshd tests need OpenSSH's server"
                    + " (Debian/Ubuntu: apt-get install openssh-server)";
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "the real-sshd tests must run as root (namespaces, port 22, root logins); running as "
                    + System.getProperty("user.name");
        }
        try {
            script();
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        return null;
    }

    /**
     * The repository root: the system property {@value #REPO_ROOT_PROPERTY} when it names a directory holding
     * {@value #SCRIPT}, else the nearest directory upwards from the working directory that holds it.
     */
    public static Path repoRoot() {
        String prop = System.getProperty(REPO_ROOT_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop).toAbsolutePath().normalize();
            if (Files.isRegularFile(p.resolve(SCRIPT))) {
                return p;
            }
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(SCRIPT))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find " + SCRIPT + ": set -D" + REPO_ROOT_PROPERTY
                + "=<repository root> or run from inside the repository (working directory "
                + Path.of("").toAbsolutePath() + ")");
    }

    /** The {@value #SCRIPT} script of {@link #repoRoot()}. */
    public static Path script() {
        return repoRoot().resolve(SCRIPT);
    }

    public List<Host> hosts() {
        return hosts;
    }

    /** PIDs of the sshd listeners, one per host in {@link #hosts()} order. */
    public List<Long> pids() {
        return pids;
    }

    public Path dir() {
        return dir;
    }

    /** Whether the hosts' system directories are per-host copy-on-write overlays. */
    public boolean overlay() {
        return overlay;
    }

    /**
     * Where a host's system changes land when the fleet runs with overlays: {@code upper/etc},
     * {@code upper/var}, ... hold exactly the files the host created or changed (deletions show as
     * whiteouts). Removed when the fleet stops.
     */
    public Path overlayDir(Host host) {
        if (!overlay) {
            throw new IllegalStateException("this fleet runs without overlays: host changes are not contained");
        }
        return dir.resolve("fleet").resolve("overlay").resolve(host.name());
    }

    /** The jinfra inventory ({@code inventory.yaml}). */
    public Path inventoryFile() {
        return dir.resolve("inventory.yaml");
    }

    /** The private half of the client key pair authorized for root on every host. */
    public Path clientKeyFile() {
        return dir.resolve("client_key");
    }

    /** known_hosts with a line per host address. */
    public Path knownHostsFile() {
        return dir.resolve("known_hosts");
    }

    /** One address per line, for parallel-ssh and clush. */
    public Path hostsFile() {
        return dir.resolve("hosts.txt");
    }

    /** Ansible INI inventory. */
    public Path ansibleInventoryFile() {
        return dir.resolve("ansible.ini");
    }

    /**
     * An OpenSSH client command running {@code remoteCommand} as root on {@code host}, using only the fleet's
     * key and known_hosts (no user configuration, strict host key checking, no prompts).
     */
    public List<String> sshCommand(Host host, String remoteCommand) {
        return List.of(
                "ssh",
                "-F",
                "none",
                "-i",
                clientKeyFile().toString(),
                "-o",
                "IdentitiesOnly=yes",
                "-o",
                "UserKnownHostsFile=" + knownHostsFile(),
                "-o",
                "GlobalKnownHostsFile=/dev/null",
                "-o",
                "StrictHostKeyChecking=yes",
                "-o",
                "BatchMode=yes",
                "-o",
                "ConnectTimeout=30",
                "-o",
                "LogLevel=ERROR",
                "-p",
                Integer.toString(host.port()),
                "root@" + host.address(),
                remoteCommand);
    }

    /** Whether {@code pid} is a live process (zombies, which some init processes reap late, are not). */
    public static boolean isRunning(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String s = Files.readString(stat);
            int close = s.lastIndexOf(')');
            return close < 0 || close + 2 >= s.length() || s.charAt(close + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops every sshd of the fleet and removes the files the script made; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        Result r = run(List.of(script.toString(), "stop", "--dir", dir.toString()), 120);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("sshd-fleet stop failed (exit " + r.exitCode() + "): "
                    + r.output().strip());
        }
        closed = true;
    }

    @Override
    public String toString() {
        return "OpenSshFleet[" + hosts.size() + " hosts in " + dir + (overlay ? ", overlays" : "") + "]";
    }

    static List<Host> parseInventory(Path inventory) throws IOException {
        List<Host> hosts = new ArrayList<>();
        for (String line : Files.readAllLines(inventory)) {
            var m = INVENTORY_HOST.matcher(line);
            if (m.matches()) {
                int port = m.group(3) == null ? 22 : Integer.parseInt(m.group(3));
                hosts.add(new Host(m.group(1), m.group(2), port));
            }
        }
        return hosts;
    }

    private record Result(int exitCode, String output) {}

    private static Result run(List<String> command, long timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.getFirst(), e);
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor();
                }
                return new Result(
                        124,
                        "timed out after " + timeoutSeconds + "s: " + String.join(" ", command) + "\n"
                                + out.getNow(""));
            }
            return new Result(p.exitValue(), out.get(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return new Result(p.exitValue(), "(output unreadable: " + e + ")");
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }
}
