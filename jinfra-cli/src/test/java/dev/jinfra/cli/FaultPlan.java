package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.Fault;
import dev.jinfra.testkit.SshFleet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Which host of the fleet has which fault, drawn from a seed so that a failing run can be replayed: 5 % of the
 * hosts refuse connections, 5 % hang in the SSH handshake, 5 % hang in every command, 2 % drop the connection
 * in the middle of a command, one presents a changed host key, one is locked by another jinfra run, and the
 * rest are healthy.
 */
final class FaultPlan {
    /** What is wrong with one host. */
    enum HostFault {
        HEALTHY,
        REFUSED,
        HUNG_HANDSHAKE,
        HUNG_COMMAND,
        DROPPED,
        CHANGED_KEY,
        LOCKED
    }

    private final long seed;
    private final Map<String, HostFault> byHost;
    // Who holds the foreign lock: this JVM, which stays alive, so jinfra sees a run that is still going.
    private final String holder;
    private final long holderPid = ProcessHandle.current().pid();

    private FaultPlan(long seed, Map<String, HostFault> byHost) {
        this.seed = seed;
        this.byHost = byHost;
        this.holder = "ops@" + controller();
    }

    /** Shuffles the hosts with the seed and gives the first ones the faults, in the proportions above. */
    static FaultPlan draw(List<String> hosts, long seed) {
        List<String> shuffled = new ArrayList<>(hosts);
        Collections.shuffle(shuffled, new Random(new java.util.SplittableRandom(seed).nextLong()));
        int fivePercent = Math.max(1, hosts.size() * 5 / 100);
        int twoPercent = Math.max(1, hosts.size() * 2 / 100);
        Map<HostFault, Integer> counts = new EnumMap<>(HostFault.class);
        counts.put(HostFault.REFUSED, fivePercent);
        counts.put(HostFault.HUNG_HANDSHAKE, fivePercent);
        counts.put(HostFault.HUNG_COMMAND, fivePercent);
        counts.put(HostFault.DROPPED, twoPercent);
        counts.put(HostFault.CHANGED_KEY, 1);
        counts.put(HostFault.LOCKED, 1);
        Map<String, HostFault> byHost = new LinkedHashMap<>();
        hosts.forEach(h -> byHost.put(h, HostFault.HEALTHY));
        int next = 0;
        for (var e : counts.entrySet()) {
            for (int i = 0; i < e.getValue(); i++) {
                byHost.put(shuffled.get(next++), e.getKey());
            }
        }
        return new FaultPlan(seed, byHost);
    }

    long seed() {
        return seed;
    }

    HostFault of(String host) {
        return byHost.get(host);
    }

    List<String> hosts() {
        return List.copyOf(byHost.keySet());
    }

    List<String> hostsWith(HostFault fault) {
        return byHost.entrySet().stream()
                .filter(e -> e.getValue() == fault)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** How many hosts have each fault, for messages: {@code HEALTHY=311, REFUSED=17, ...}. */
    String census() {
        Map<HostFault, Integer> n = new EnumMap<>(HostFault.class);
        byHost.values().forEach(f -> n.merge(f, 1, Integer::sum));
        return n.toString();
    }

    /** The start of the refusal jinfra gives for the locked host: who holds the lock. */
    String lockRefusal() {
        return "locked by another jinfra run: " + holder + ", process " + holderPid + ", for ";
    }

    /**
     * Gives every host its fault; the locked host gets another run's lock in its lock directory. A lock an earlier
     * test left on any host (one that failed half-way) is removed first.
     */
    void applyTo(SshFleet fleet) {
        byHost.keySet().forEach(host -> deleteTree(lockOf(fleet, host)));
        byHost.forEach((host, fault) -> {
            switch (fault) {
                case REFUSED -> fleet.host(host).fault(Fault.REFUSE);
                case HUNG_HANDSHAKE -> fleet.host(host).fault(Fault.HANG_CONNECT);
                case HUNG_COMMAND -> fleet.host(host).fault(Fault.HANG_COMMAND);
                case DROPPED -> fleet.host(host).fault(Fault.DROP_MID_COMMAND);
                case CHANGED_KEY -> fleet.host(host).fault(Fault.CHANGED_HOST_KEY);
                case LOCKED -> writeForeignLock(fleet);
                case HEALTHY -> {}
            }
        });
    }

    /** Takes every fault away, the foreign lock too, and forgets what the hosts saw so far. */
    void clearFrom(SshFleet fleet) {
        fleet.clearFaults();
        for (String host : hostsWith(HostFault.LOCKED)) {
            deleteTree(lockOf(fleet, host));
        }
        fleet.clearHistory();
    }

    /** The lock directory of a host: the in-process fleet sets each host's JINFRA_LOCK_DIR to its home. */
    static Path lockOf(SshFleet fleet, String host) {
        return fleet.host(host).home().resolve("jinfra.lock");
    }

    /** No lock of jinfra's own is left on any host; another run's lock is left as it was while it is in place. */
    void assertOnlyTheForeignLock(SshFleet fleet, boolean foreignLockInPlace, String as) throws IOException {
        for (String host : hosts()) {
            Path lock = lockOf(fleet, host);
            if (of(host) == HostFault.LOCKED && foreignLockInPlace) {
                assertThat(Files.readString(lock.resolve("holder")))
                        .as(as + ": another run's lock is not jinfra's to take away")
                        .startsWith("run=another-run\n");
            } else {
                assertThat(lock)
                        .as(as + ": " + host + " is given its lock back")
                        .doesNotExist();
            }
        }
    }

    /** The holder file of the foreign lock, as written. */
    String foreignHolder() {
        return "run=another-run\nby=" + holder + "\npid=" + holderPid + "\nsince="
                + (System.currentTimeMillis() / 1000 - 90) + "\n";
    }

    private void writeForeignLock(SshFleet fleet) {
        for (String host : hostsWith(HostFault.LOCKED)) {
            try {
                Path lock = lockOf(fleet, host);
                Files.createDirectories(lock);
                Files.writeString(lock.resolve("holder"), foreignHolder());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String controller() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String toString() {
        return "faults drawn with seed " + seed + " (-Djinfra.faults.seed=" + seed + " replays them): " + census();
    }
}
