package dev.jinfra.connect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier.HostEntryPair;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * The lines of one loaded known_hosts file, indexed by the host name and port they spell out. Checking a host
 * against every line is fine for one connection, but a run over a fleet has a line per host: a thousand hosts
 * checked against a thousand lines each was a measurable share of a run's CPU. A {@code [name]:port} line is
 * indexed by name and port: fleets behind one address (a port per host) have a thousand lines for one name. Lines with wildcards or negations
 * cannot be indexed by name and are tried for every host with {@link KnownHostEntry#isHostMatch}, which also
 * decides among the lines the index picks. Hashed lines ({@code |1|...}) are tried for every host too, with
 * {@link HashedHostName}'s cheaper test of the same HMAC.
 */
final class KnownHostsIndex {
    private final Collection<HostEntryPair> source;
    // Concurrent because lines recorded during a run are added while other hosts look theirs up.
    private final Map<String, List<HostEntryPair>> byName = new ConcurrentHashMap<>();
    private final List<HostEntryPair> unindexed = new ArrayList<>();
    // Replaced, never changed, once built: a line recorded hashed is added while other hosts look theirs up.
    private volatile List<HostEntryPair> hashed = new ArrayList<>();
    private volatile List<HashedHostName> hashedTests = new ArrayList<>();
    // HostEntryPair keeps Object's identity equality, so this map is by identity.
    private final Map<HostEntryPair, Integer> lineOrder = new ConcurrentHashMap<>();
    private final AtomicInteger nextLine = new AtomicInteger();

    KnownHostsIndex(Collection<HostEntryPair> source) {
        this.source = source;
        for (HostEntryPair pair : source) {
            lineOrder.put(pair, nextLine.getAndIncrement());
            HashedHostName test = HashedHostName.of(pair.getHostEntry());
            if (test != null) {
                hashed.add(pair);
                hashedTests.add(test);
                continue;
            }
            boolean scan = false;
            for (String pattern : patterns(pair.getHostEntry())) {
                if (pattern.startsWith("|")
                        || pattern.indexOf('*') >= 0
                        || pattern.indexOf('?') >= 0
                        || pattern.indexOf('!') >= 0) {
                    scan = true;
                } else {
                    String key = keyOf(pattern);
                    if (key == null) {
                        scan = true;
                    } else {
                        addByName(key, pair);
                    }
                }
            }
            if (scan || pair.getHostEntry().getConfigLine() == null) {
                unindexed.add(pair);
            }
        }
    }

    /**
     * Adds a line written to the file after it was loaded (a key recorded by {@code accept-new}), so later
     * lookups find it without reading the file again. Only plain {@code host} or {@code [host]:port} lines, or
     * hashed ones.
     */
    void add(HostEntryPair pair) {
        lineOrder.put(pair, nextLine.getAndIncrement());
        HashedHostName test = HashedHostName.of(pair.getHostEntry());
        if (test != null) {
            synchronized (this) {
                List<HostEntryPair> pairs = new ArrayList<>(hashed);
                List<HashedHostName> tests = new ArrayList<>(hashedTests);
                pairs.add(pair);
                tests.add(test);
                // Tests first: a lookup reads the pairs, then the tests, and must find a test for each pair.
                hashedTests = tests;
                hashed = pairs;
            }
            return;
        }
        for (String pattern : patterns(pair.getHostEntry())) {
            String key = keyOf(pattern);
            if (key != null) {
                addByName(key, pair);
            }
        }
    }

    private void addByName(String host, HostEntryPair pair) {
        // Lists are replaced, never changed, so a lookup running at the same time sees a whole list.
        byName.merge(host, List.of(pair), (old, one) -> {
            List<HostEntryPair> longer = new ArrayList<>(old.size() + 1);
            longer.addAll(old);
            longer.addAll(one);
            return List.copyOf(longer);
        });
    }

    /** Whether this index was built from exactly these loaded lines (they are replaced when the file changes). */
    boolean isFor(Collection<HostEntryPair> loaded) {
        return loaded == source;
    }

    /** The lines that match any of the host's network identities, in file order. */
    List<HostEntryPair> matching(Collection<SshdSocketAddress> identities) {
        List<HostEntryPair> out = new ArrayList<>(2);
        for (SshdSocketAddress id : identities) {
            String host = id.getHostName();
            int port = id.getPort();
            String name = host.toLowerCase(Locale.ROOT);
            List<HostEntryPair> named = byName.get(name);
            if (named != null) {
                addMatches(named, host, port, out);
            }
            List<HostEntryPair> withPort = byName.get(name + " " + port);
            if (withPort != null) {
                addMatches(withPort, host, port, out);
            }
            addMatches(unindexed, host, port, out);
            List<HostEntryPair> hashedPairs = hashed;
            if (!hashedPairs.isEmpty()) {
                List<HashedHostName> tests = hashedTests;
                byte[] form = HashedHostName.hashedForm(host, port);
                for (int i = 0; i < hashedPairs.size(); i++) {
                    HostEntryPair pair = hashedPairs.get(i);
                    if (!containsSame(out, pair) && tests.get(i).matches(form)) {
                        out.add(pair);
                    }
                }
            }
        }
        if (out.size() > 1) {
            out.sort((a, b) -> Integer.compare(lineOrder.get(a), lineOrder.get(b)));
        }
        return out;
    }

    private static void addMatches(List<HostEntryPair> lines, String host, int port, List<HostEntryPair> out) {
        for (HostEntryPair pair : lines) {
            if (!containsSame(out, pair) && pair.getHostEntry().isHostMatch(host, port)) {
                out.add(pair);
            }
        }
    }

    private static boolean containsSame(List<HostEntryPair> list, HostEntryPair pair) {
        for (HostEntryPair p : list) {
            if (p == pair) {
                return true;
            }
        }
        return false;
    }

    /** The comma-separated host patterns of a line: its first field, or its second after a marker. */
    private static List<String> patterns(KnownHostEntry entry) {
        String line = entry.getConfigLine();
        if (line == null) {
            return List.of();
        }
        String[] fields = line.trim().split("\\s+");
        int at = fields.length > 0 && fields[0].startsWith("@") ? 1 : 0;
        return at < fields.length ? List.of(fields[at].split(",")) : List.of();
    }

    /**
     * The index key of a literal pattern: its host for {@code name}, its host and port for {@code [name]:port},
     * or null for a bracketed pattern whose port cannot be read, which is then tried for every host.
     */
    private static String keyOf(String pattern) {
        if (!pattern.startsWith("[")) {
            return pattern.toLowerCase(Locale.ROOT);
        }
        int close = pattern.indexOf(']');
        if (close < 0 || !pattern.startsWith("]:", close)) {
            return null;
        }
        try {
            int port = Integer.parseInt(pattern.substring(close + 2));
            return pattern.substring(1, close).toLowerCase(Locale.ROOT) + " " + port;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
