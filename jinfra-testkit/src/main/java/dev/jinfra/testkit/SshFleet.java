package dev.jinfra.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fleet of SSH hosts inside this JVM, on loopback, for testing SSH clients the way MockWebServer tests HTTP
 * clients. Every host has its own port, name and {@code FLEET_HOST} environment variable; commands run as the
 * current OS user via {@code /bin/sh -c}. Faults can be injected per host, and every host records what it ran.
 * Hosts forward TCP connections to loopback addresses, as sshd does by default, so one host can be the
 * ProxyJump host of another, in this fleet or another one.
 *
 * <pre>{@code
 * try (SshFleet fleet = SshFleet.builder().hosts(50).namePrefix("web-").build().start()) {
 *     fleet.host("web-003").fault(Fault.HANG_COMMAND);
 *     Path inventory = fleet.inventoryYaml();
 *     ...
 * }
 * }</pre>
 */
public final class SshFleet implements AutoCloseable {

    private final FleetSettings settings;
    private final Map<String, HostControl> controls = new LinkedHashMap<>();
    private final Map<Integer, HostControl> controlsByPort = new ConcurrentHashMap<>();
    private final List<HostPort> ports = new ArrayList<>();
    private volatile State state = State.NEW;
    private FleetServer server;
    private FleetKeys keys;
    private Path directory;
    private List<FleetHost> hosts = List.of();
    private Map<String, FleetHost> hostsByName = Map.of();

    private enum State {
        NEW,
        STARTED,
        CLOSED
    }

    private SshFleet(FleetSettings settings) {
        this.settings = settings;
        for (int i = 1; i <= settings.hostCount(); i++) {
            String name = settings.hostName(i);
            controls.put(name, new HostControl(name));
        }
        settings.initialFaults().forEach((name, faults) -> {
            HostControl control = controls.get(name);
            if (control == null) {
                throw new IllegalArgumentException("no host named " + name + " in this fleet");
            }
            faults.forEach(control::fault);
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds every host's port and writes the key, known_hosts and inventory files. Returns this fleet. */
    public synchronized SshFleet start() {
        if (state != State.NEW) {
            throw new IllegalStateException("fleet already " + state.name().toLowerCase());
        }
        state = State.STARTED;
        try {
            directory = settings.parentDir() == null
                    ? Files.createTempDirectory("jinfra-fleet-")
                    : Files.createTempDirectory(Files.createDirectories(settings.parentDir()), "jinfra-fleet-");
            keys = FleetKeys.generate();
            keys.writeClientKey(clientKeyFile(), directory.resolve("client_key.pub"));
            server = new FleetServer(settings, keys, controlsByPort, directory.resolve("scripts"));
            List<InetSocketAddress> addresses = server.start(settings.hostCount());
            bindHosts(addresses);
            FleetFiles.writeKnownHosts(knownHostsFile(), hosts, keys);
            FleetFiles.writeInventory(inventoryFile(), hosts, settings.user(), clientKeyFile(), knownHostsFile());
            return this;
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io
                    ? new UncheckedIOException("cannot start the SSH fleet", io)
                    : (RuntimeException) e;
        }
    }

    private void bindHosts(List<InetSocketAddress> addresses) throws IOException {
        String fingerprint = keys.hostKeyFingerprint();
        List<FleetHost> started = new ArrayList<>(controls.size());
        Map<String, FleetHost> byName = new LinkedHashMap<>();
        int index = 0;
        for (HostControl control : controls.values()) {
            InetSocketAddress address = addresses.get(index++);
            HostPort port = new HostPort(address, server.acceptor(), settings.backlog());
            ports.add(port);
            controlsByPort.put(address.getPort(), control);
            control.attach(
                    directory.resolve("hosts").resolve(control.name()),
                    host -> {
                        try {
                            // Read the faults under the port's lock, so concurrent changes cannot apply out of order.
                            synchronized (port) {
                                port.switchTo(host.listenerMode());
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(
                                    "cannot change what listens on port " + address.getPort(), e);
                        }
                    },
                    () -> server.closeSessionsOf(address.getPort()));
            port.switchTo(control.listenerMode());
            FleetHost host = new FleetHost(control.name(), settings.address(), address.getPort(), fingerprint, control);
            started.add(host);
            byName.put(host.name(), host);
        }
        hosts = List.copyOf(started);
        hostsByName = byName;
    }

    /** The hosts in name order. Empty until the fleet has started. */
    public List<FleetHost> hosts() {
        return hosts;
    }

    /** The host with this name. */
    public FleetHost host(String name) {
        requireStarted();
        FleetHost host = hostsByName.get(name);
        if (host == null) {
            throw new NoSuchElementException("no host named " + name + "; hosts are " + hostNames());
        }
        return host;
    }

    /** The names of all hosts; known before the fleet starts. */
    public List<String> hostNames() {
        return List.copyOf(controls.keySet());
    }

    public int size() {
        return controls.size();
    }

    /** Clears the faults of every host. */
    public void clearFaults() {
        controls.values().forEach(HostControl::clearFaults);
    }

    /** Forgets every host's recorded commands and session counts. */
    public void clearHistory() {
        controls.values().forEach(HostControl::clearHistory);
    }

    /** The fleet's temporary directory: keys, known_hosts, inventory and the hosts' home directories. */
    public Path directory() {
        requireStarted();
        return directory;
    }

    /** The client's private key, in OpenSSH format, the only key the hosts accept. */
    public Path clientKeyFile() {
        return directory().resolve("client_key");
    }

    public KeyPair clientKeyPair() {
        requireStarted();
        return keys.clientKey();
    }

    /** A known_hosts file with a {@code [127.0.0.1]:PORT key} line for every host. */
    public Path knownHostsFile() {
        return directory().resolve("known_hosts");
    }

    /** A jinfra inventory listing every host, with the client key and known_hosts file as connection data. */
    public Path inventoryYaml() {
        return inventoryFile();
    }

    private Path inventoryFile() {
        return directory().resolve("inventory.yaml");
    }

    /** The user written to the inventory; that user, root and the current OS user may all log in. */
    public String user() {
        return settings.user();
    }

    public Optional<String> password() {
        return Optional.ofNullable(settings.password());
    }

    /** The host key every host serves, unless it has {@link Fault#CHANGED_HOST_KEY}. */
    public PublicKey hostKey() {
        requireStarted();
        return keys.hostKey().getPublic();
    }

    /** The host key served by hosts with {@link Fault#CHANGED_HOST_KEY}. */
    public PublicKey changedHostKey() {
        requireStarted();
        return keys.changedHostKey().getPublic();
    }

    public boolean isRunning() {
        return state == State.STARTED;
    }

    /**
     * Stops every host at once, without waiting for clients: open sessions are cut, running commands killed,
     * ports released and the fleet's directory deleted. Safe to call more than once.
     */
    @Override
    public synchronized void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        controls.values().forEach(HostControl::detach);
        List<Exception> failures = new ArrayList<>();
        if (server != null) {
            try {
                server.stop();
            } catch (IOException | RuntimeException e) {
                failures.add(e);
            }
        }
        for (HostPort port : ports) {
            try {
                port.close();
            } catch (IOException e) {
                failures.add(e);
            }
        }
        if (directory != null) {
            Directories.deleteQuietly(directory);
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("the SSH fleet did not close cleanly");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private void requireStarted() {
        if (state == State.NEW) {
            throw new IllegalStateException("the fleet has not been started");
        }
    }

    @Override
    public String toString() {
        return "SshFleet[" + size() + " hosts, " + state.name().toLowerCase() + "]";
    }

    /** Collects a fleet's settings. Everything has a default: {@code SshFleet.builder().build()} works. */
    public static final class Builder {
        private int hostCount = 3;
        private String namePrefix = "web-";
        private String user = "root";
        private String password;
        private int backlog = 4096;
        private Duration idleTimeout = Duration.ZERO;
        private int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        private Path parentDir;
        private final List<KeyPair> extraHostKeys = new ArrayList<>();
        private final Map<String, List<Fault>> initialFaults = new LinkedHashMap<>();

        private Builder() {}

        public Builder hosts(int count) {
            this.hostCount = count;
            return this;
        }

        /** Host names are this prefix plus a number zero-padded to the width of the host count (at least 3). */
        public Builder namePrefix(String prefix) {
            this.namePrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** The login written to the inventory (default root). The current OS user is always accepted too. */
        public Builder user(String login) {
            this.user = Objects.requireNonNull(login, "login");
            return this;
        }

        /** Also accept password authentication with this password. */
        public Builder password(String secret) {
            this.password = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /** Listen backlog of every port (default 4096; the kernel caps it at net.core.somaxconn). */
        public Builder backlog(int connections) {
            this.backlog = connections;
            return this;
        }

        /** Close sessions idle this long. The default, zero, never does: tests and demos hold sessions open. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Threads of the IO pool shared by all hosts (default: the number of processors, at least 2). */
        public Builder ioThreads(int threads) {
            this.ioThreads = threads;
            return this;
        }

        /** Create the fleet's temporary directory under this directory instead of the system default. */
        public Builder directory(Path parent) {
            this.parentDir = Objects.requireNonNull(parent, "parent");
            return this;
        }

        /**
         * Every host also serves this host key, after the fleet's own one, as sshd serves one key of each type.
         * The fleet's known_hosts lists only the fleet's own key. Hosts with {@link Fault#CHANGED_HOST_KEY}
         * serve only their changed key.
         */
        public Builder extraHostKey(KeyPair key) {
            extraHostKeys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /** A fault the named host has from the start. */
        public Builder fault(String hostName, Fault fault) {
            initialFaults.computeIfAbsent(hostName, name -> new ArrayList<>()).add(Objects.requireNonNull(fault));
            return this;
        }

        public SshFleet build() {
            Map<String, List<Fault>> faults = new LinkedHashMap<>();
            initialFaults.forEach((name, list) -> faults.put(name, List.copyOf(list)));
            return new SshFleet(new FleetSettings(
                    hostCount,
                    namePrefix,
                    "127.0.0.1",
                    user,
                    password,
                    backlog,
                    idleTimeout,
                    ioThreads,
                    parentDir,
                    faults,
                    extraHostKeys));
        }

        /** Builds and starts the fleet. */
        public SshFleet start() {
            return build().start();
        }
    }
}
