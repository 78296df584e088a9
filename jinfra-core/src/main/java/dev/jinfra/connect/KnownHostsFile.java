package dev.jinfra.connect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier.HostEntryPair;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * One known_hosts file as loaded, with the line number of each line (a refusal names the line to look at).
 * Read again when it changes on disk, looked at no more than once a second: with {@code accept-new} on a new
 * fleet, every connection re-read the whole growing file. Lines recorded by this process are added to the
 * loaded index directly, so a recorded key counts at once, before the next look at the file.
 */
final class KnownHostsFile {
    /** A line of a known_hosts file that names a host. */
    record Line(KnownHostsFile file, int number, HostEntryPair pair) {
        KnownHostEntry entry() {
            return pair.getHostEntry();
        }

        PublicKey key() {
            return pair.getServerKey();
        }

        String where() {
            return file.path + ":" + number;
        }
    }

    private record Loaded(FileTime modified, long size, KnownHostsIndex index, Map<HostEntryPair, Line> lines) {}

    private static final long NEVER = Long.MIN_VALUE;
    private static final long RELOAD_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    final Path path;
    private final Consumer<String> warnings;
    private volatile Loaded loaded;
    // Lines this process appended, for loads that may predate them; duplicates do no harm.
    private final List<Line> recorded = new ArrayList<>();
    private final AtomicLong lastReloadCheck = new AtomicLong(NEVER);

    KnownHostsFile(Path path, Consumer<String> warnings) {
        this.path = path;
        this.warnings = warnings;
    }

    /** The lines naming {@code host} (a name, or an address as given), in file order. */
    List<Line> lookup(SshdSocketAddress host) {
        Loaded current = current();
        List<Line> out = new ArrayList<>(2);
        for (HostEntryPair pair : current.index.matching(List.of(host))) {
            out.add(current.lines.get(pair));
        }
        return out;
    }

    /**
     * Adds a line this process appended as line {@code number}, so lookups find it at once. Called with the
     * file still locked: the file's new size and time are taken as loaded, so the next look at the file does
     * not read it all again for this one line.
     */
    synchronized void added(KnownHostEntry entry, PublicKey key, int number) {
        Line line = new Line(this, number, new HostEntryPair(entry, key));
        recorded.add(line);
        Loaded current = current();
        current.lines.put(line.pair(), line);
        current.index.add(line.pair());
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            loaded = new Loaded(attrs.lastModifiedTime(), attrs.size(), current.index, current.lines);
        } catch (IOException e) {
            // Read again at the next look; the line is in the index either way.
        }
    }

    /** Reads the file again right away at the next lookup, as when another process may have written it. */
    void forceReload() {
        lastReloadCheck.set(NEVER);
    }

    private Loaded current() {
        Loaded current = loaded;
        long now = System.nanoTime();
        long last = lastReloadCheck.get();
        if (current != null && last != NEVER && now - last < RELOAD_CHECK_NANOS) {
            return current;
        }
        // Built once per change of the file: the first hosts of a run arrive here together.
        synchronized (this) {
            current = loaded;
            last = lastReloadCheck.get();
            if (current != null && last != NEVER && System.nanoTime() - last < RELOAD_CHECK_NANOS) {
                return current;
            }
            lastReloadCheck.set(System.nanoTime());
            FileTime modified = null;
            long size = -1;
            try {
                BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
                modified = attrs.lastModifiedTime();
                size = attrs.size();
            } catch (NoSuchFileException e) {
                // No file: no lines.
            } catch (IOException e) {
                warnings.accept("cannot read " + path + ": " + e.getMessage());
            }
            if (current == null || !java.util.Objects.equals(modified, current.modified) || size != current.size) {
                current = load(modified, size);
                loaded = current;
            }
            return current;
        }
    }

    private Loaded load(FileTime modified, long size) {
        List<HostEntryPair> pairs = new ArrayList<>();
        Map<HostEntryPair, Line> lines = new ConcurrentHashMap<>();
        if (modified != null) {
            try {
                int number = 0;
                for (String raw : Files.readAllLines(path)) {
                    number++;
                    String text = raw.strip();
                    if (text.isEmpty() || text.startsWith("#")) {
                        continue;
                    }
                    HostEntryPair pair = parse(text);
                    if (pair == null) {
                        // As OpenSSH: a line it cannot read, or of a key type it does not know, is skipped.
                        continue;
                    }
                    pairs.add(pair);
                    lines.put(pair, new Line(this, number, pair));
                }
            } catch (IOException e) {
                warnings.accept("cannot read " + path + ": " + e.getMessage());
            }
        }
        KnownHostsIndex index = new KnownHostsIndex(pairs);
        for (Line line : recorded) {
            lines.put(line.pair(), line);
            index.add(line.pair());
        }
        return new Loaded(modified, size, index, lines);
    }

    private static HostEntryPair parse(String text) {
        try {
            KnownHostEntry entry = KnownHostEntry.parseKnownHostEntry(text);
            if (entry == null || entry.getKeyEntry() == null) {
                return null;
            }
            PublicKey key = entry.getKeyEntry().resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.IGNORING);
            // A key type this client cannot read cannot be the server's key either.
            return key == null ? null : new HostEntryPair(entry, key);
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    /** The key lines of {@code lines}, in order; lines with a marker (revoked, CA) are not host keys. */
    static List<Line> plain(Collection<Line> lines) {
        return lines.stream()
                .filter(l ->
                        l.entry().getMarker() == null || l.entry().getMarker().isEmpty())
                .toList();
    }
}
