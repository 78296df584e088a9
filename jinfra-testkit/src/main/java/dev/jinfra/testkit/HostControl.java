package dev.jinfra.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The mutable side of one simulated host: its current faults and what it has seen. It lives from
 * {@link SshFleet.Builder#build()} on, so faults can be set before the fleet starts, and the SSH server reads it
 * on every connection and command, so changes apply to running fleets too.
 */
public final class HostControl {

    /** Told when faults that change what listens on the port (refuse, hang on connect) come or go. */
    interface ListenerChange {
        void apply(HostControl host);
    }

    private final String name;
    private volatile Path home;
    // Replaced wholesale on change, so readers on IO threads see a consistent set without locking.
    private volatile Set<Fault> faults = Set.of();
    private final List<String> commands = new ArrayList<>();
    private final AtomicInteger sessionsOpened = new AtomicInteger();
    private final AtomicInteger keyChecks = new AtomicInteger();
    private final AtomicInteger channelsRefused = new AtomicInteger();
    private volatile ListenerChange listenerChange = host -> {};
    private volatile Runnable dropSessions = () -> {};

    HostControl(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Adds a fault; a fault with a delay replaces an earlier one of its kind. */
    public HostControl fault(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        synchronized (this) {
            Set<Fault> next = new LinkedHashSet<>(faults);
            if (fault instanceof Fault.Slow || fault instanceof Fault.SlowChannelOpen) {
                next.removeIf(f -> f.getClass() == fault.getClass());
            }
            next.add(fault);
            faults = Set.copyOf(next);
        }
        listenerChange.apply(this);
        return this;
    }

    /** Removes one fault (for a fault with a delay, any of its kind). */
    public HostControl clearFault(Fault fault) {
        synchronized (this) {
            Set<Fault> next = new LinkedHashSet<>(faults);
            next.removeIf(f -> f.equals(fault)
                    || ((fault instanceof Fault.Slow || fault instanceof Fault.SlowChannelOpen)
                            && f.getClass() == fault.getClass()));
            faults = Set.copyOf(next);
        }
        listenerChange.apply(this);
        return this;
    }

    public HostControl clearFaults() {
        synchronized (this) {
            faults = Set.of();
        }
        listenerChange.apply(this);
        return this;
    }

    public Set<Fault> faults() {
        return faults;
    }

    public boolean has(Fault fault) {
        return faults.contains(fault);
    }

    /** The command strings received by this host, in order of arrival. */
    public List<String> commands() {
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    /** How many SSH sessions (connections that got as far as the SSH layer) this host has opened. */
    public int sessionsOpened() {
        return sessionsOpened.get();
    }

    /**
     * How many times a public key was looked up for authentication: once for a request that comes signed, and
     * once more for each question (a request without signature, which the server answers PK_OK) before it.
     */
    public int keyChecks() {
        return keyChecks.get();
    }

    /** How many channels this host refused to open ({@link Fault#ONE_CHANNEL}). */
    public int channelsRefused() {
        return channelsRefused.get();
    }

    /** Forgets recorded commands, session counts, key checks and refused channels. */
    public void clearHistory() {
        synchronized (commands) {
            commands.clear();
        }
        sessionsOpened.set(0);
        keyChecks.set(0);
        channelsRefused.set(0);
    }

    /** The home directory commands and SFTP start in; created on first use, null before the fleet starts. */
    public Path home() {
        return home;
    }

    @Override
    public String toString() {
        return "HostControl[" + name + ", faults=" + faults + "]";
    }

    Optional<Duration> commandDelay() {
        return faults.stream()
                .filter(Fault.Slow.class::isInstance)
                .map(f -> ((Fault.Slow) f).delay())
                .findFirst();
    }

    Optional<Duration> channelOpenDelay() {
        return faults.stream()
                .filter(Fault.SlowChannelOpen.class::isInstance)
                .map(f -> ((Fault.SlowChannelOpen) f).delay())
                .findFirst();
    }

    HostPort.Mode listenerMode() {
        Set<Fault> current = faults;
        if (current.contains(Fault.REFUSE)) {
            return HostPort.Mode.REFUSE;
        }
        return current.contains(Fault.HANG_CONNECT) ? HostPort.Mode.HANG : HostPort.Mode.SERVE;
    }

    /** Connects this control to a started fleet. */
    void attach(Path homeDir, ListenerChange change, Runnable sessionDropper) {
        this.home = homeDir;
        this.listenerChange = change;
        this.dropSessions = sessionDropper;
    }

    /** Disconnects from a closed fleet: fault changes no longer touch ports. */
    void detach() {
        this.listenerChange = host -> {};
        this.dropSessions = () -> {};
    }

    /**
     * Behaves like a rebooting machine: every open session ends at once, connections are refused for
     * {@code down}, then the host serves again (with whatever other faults it has).
     */
    public HostControl reboot(Duration down) {
        fault(Fault.REFUSE);
        dropSessions.run();
        // /run/lock is a tmpfs on real machines: a reboot clears jinfra's run lock, kept here in the home.
        Path home = this.home;
        if (home != null) {
            try (var walk = java.nio.file.Files.walk(home.resolve("jinfra.lock"))) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // No lock held.
            }
        }
        Thread.ofVirtual().name("fleet-reboot-" + name).start(() -> {
            try {
                Thread.sleep(down);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            clearFault(Fault.REFUSE);
        });
        return this;
    }

    void recordCommand(String command) {
        synchronized (commands) {
            commands.add(command);
        }
    }

    void recordSession() {
        sessionsOpened.incrementAndGet();
    }

    void recordKeyCheck() {
        keyChecks.incrementAndGet();
    }

    void recordChannelRefused() {
        channelsRefused.incrementAndGet();
    }
}
