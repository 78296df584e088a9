package dev.jinfra.connect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A path inside a directory tree as a process chrooted into it would see it, found from outside: symbolic links
 * are followed as that process would follow them, an absolute link from the tree's top and {@code ..} never
 * above it. The host's own file system would read {@code /srv/root/etc -> /etc} as the host's {@code /etc}, so
 * an upload "into" the tree would land outside it.
 */
final class TreePath {
    /** As Linux's limit on links followed in one lookup. */
    private static final int MAX_LINKS = 40;

    private TreePath() {}

    /**
     * The host path of {@code path} inside {@code root}; a relative {@code path} is taken from the tree's top,
     * which is where {@code chroot} starts its command.
     *
     * @throws IOException when the links loop or a link cannot be read
     */
    static Path resolve(Path root, String path) throws IOException {
        Deque<String> todo = new ArrayDeque<>(parts(path));
        List<String> done = new ArrayList<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String part = todo.removeFirst();
            if (part.equals("..")) {
                if (!done.isEmpty()) {
                    done.removeLast();
                }
                continue;
            }
            Path here = join(root, done).resolve(part);
            if (!Files.isSymbolicLink(here)) {
                done.add(part);
                continue;
            }
            if (++links > MAX_LINKS) {
                throw new IOException("too many levels of symbolic links in " + path);
            }
            String target = Files.readSymbolicLink(here).toString();
            if (target.startsWith("/")) {
                done.clear();
            }
            List<String> more = parts(target);
            for (int i = more.size() - 1; i >= 0; i--) {
                todo.addFirst(more.get(i));
            }
        }
        return join(root, done);
    }

    private static List<String> parts(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (!p.isEmpty() && !p.equals(".")) {
                parts.add(p);
            }
        }
        return parts;
    }

    private static Path join(Path root, List<String> parts) {
        Path p = root;
        for (String part : parts) {
            p = p.resolve(part);
        }
        return p;
    }
}
