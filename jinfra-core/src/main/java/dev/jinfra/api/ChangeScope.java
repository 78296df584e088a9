package dev.jinfra.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Where on a host an operation's change can land, so that only the facts it may have made untrue are read again
 * afterwards. Paths are absolute. An <em>entry</em> is the file, directory or link at a path itself: its
 * content, mode, owner, or where the link points, not what lies beneath a directory. A <em>tree</em> is the entry
 * and everything reached through it (a directory synced, a link pointed elsewhere). {@link #ANYWHERE}, the
 * default of {@link Operation#changes()}, is for every change not confined to files at known paths (packages,
 * services, users, a command): after such a change every fact of the host is read again.
 */
public record ChangeScope(boolean anywhere, List<String> entries, List<String> trees) {
    public static final ChangeScope ANYWHERE = new ChangeScope(true, List.of(), List.of());

    public ChangeScope {
        entries = List.copyOf(entries);
        trees = List.copyOf(trees);
    }

    /** A change to the entries at {@code paths} only. */
    public static ChangeScope entries(String... paths) {
        return new ChangeScope(false, List.of(paths), List.of());
    }

    /** A change to anything at or beneath {@code paths}. */
    public static ChangeScope trees(String... paths) {
        return new ChangeScope(false, List.of(), List.of(paths));
    }

    /** This scope and the entries at {@code more} (e.g. the temporary files an upload writes). */
    public ChangeScope plusEntries(List<String> more) {
        if (anywhere || more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(entries);
        all.addAll(more);
        return new ChangeScope(false, all, trees);
    }
}
