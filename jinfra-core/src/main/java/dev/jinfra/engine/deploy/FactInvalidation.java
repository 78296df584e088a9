package dev.jinfra.engine.deploy;

import dev.jinfra.api.ChangeScope;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which facts a change may have made untrue. A fact confined to a path is kept after a change confined to other
 * paths; everything else is read again. Paths are compared as written and as the host resolves them
 * ({@code realpath}, read in the same probe as the facts), so a change made through a symbolic link also
 * forgets what was read through the link's target, and the other way round. Whenever a path's resolution is not
 * known, the fact is forgotten: being wrong here would plan from a stale value.
 */
final class FactInvalidation {
    private FactInvalidation() {}

    /**
     * {@code path} in one spelling: absolute, no empty or {@code .} segments, no trailing slash; null when it is
     * relative or has {@code ..} in it (those are not compared, only forgotten).
     */
    static String normalize(String path) {
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        if (isNormal(path)) {
            return path;
        }
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                return null;
            }
            out.append('/').append(segment);
        }
        return out.isEmpty() ? "/" : out.toString();
    }

    /**
     * Whether an absolute path is already in its one spelling. Most are, and each change compares every known
     * fact's path with every path it touched: splitting and rebuilding each one was 7 % of a 1,000-host first run.
     */
    private static boolean isNormal(String path) {
        int start = 1;
        for (int i = 1; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                int length = i - start;
                if (length == 0) {
                    return path.length() == 1; // "/" alone; else an empty segment or a trailing slash
                }
                if (path.charAt(start) == '.' && (length == 1 || length == 2 && path.charAt(start + 1) == '.')) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    /** Whether {@code path} is {@code top} or lies beneath it (both normalized). */
    static boolean within(String path, String top) {
        return path.equals(top)
                || top.equals("/")
                || path.length() > top.length() && path.startsWith(top) && path.charAt(top.length()) == '/';
    }

    /**
     * Whether a change in {@code scope} (plus the temporary upload files {@code uploads}, whose random names no
     * other path resolves to) may have changed a fact confined to {@code factPath}.
     *
     * @param created paths the change made where nothing was, as directories or files ({@link
     *     dev.jinfra.api.Plan#withCreated}): nothing beneath them changed
     * @param resolved normalized path to the host's resolution of it, for the paths whose resolution is known
     */
    static boolean mayChange(
            ChangeScope scope,
            Collection<String> uploads,
            Collection<String> created,
            String factPath,
            Map<String, String> resolved) {
        String q = normalize(factPath);
        if (scope.anywhere() || q == null) {
            return true;
        }
        String rq = resolved.get(q);
        if (rq == null) {
            return true;
        }
        for (String u : uploads) {
            String p = normalize(u);
            if (p == null || within(p, q) || within(p, rq)) {
                return true;
            }
        }
        for (String entry : scope.entries()) {
            String p = normalize(entry);
            String rp = p == null ? null : resolved.get(p);
            // The entry itself, or a directory the fact reads beneath.
            if (rp == null || within(p, q) || within(rp, rq)) {
                return true;
            }
        }
        for (String tree : scope.trees()) {
            String p = normalize(tree);
            String rp = p == null ? null : resolved.get(p);
            // A tree made where nothing was has nothing beneath it that a fact could have seen.
            boolean fresh = p != null && isCreated(p, created);
            if (rp == null || within(p, q) || within(rp, rq) || !fresh && (within(q, p) || within(rq, rp))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a resolution learnt before the change may be different now. A path made where nothing was, as a
     * directory or file, moves nothing: {@code realpath -m} resolved through it as through a plain name before.
     */
    static boolean mayMove(ChangeScope scope, Collection<String> created, String path, String resolution) {
        if (scope.anywhere()) {
            return true;
        }
        List<String> changed = new ArrayList<>(scope.entries());
        changed.addAll(scope.trees());
        for (String c : changed) {
            String p = normalize(c);
            if (p != null && isCreated(p, created)) {
                continue;
            }
            // A link made or replaced at p moves every path through it; so may a directory replacing a link.
            if (p == null || within(path, p) || within(resolution, p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCreated(String normalized, Collection<String> created) {
        for (String c : created) {
            if (normalized.equals(normalize(c))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The probe section that resolves {@code paths}: NUL-terminated, one per path, or nothing usable where
     * {@code realpath} lacks {@code -m} or {@code -z} (BusyBox) or a path cannot be resolved.
     */
    static String resolveSection(List<String> paths) {
        List<String> words = new ArrayList<>(List.of("realpath", "-m", "-z", "--"));
        words.addAll(paths);
        return "{ " + Command.of(words).render() + "; }";
    }

    /** Adds each path's resolution to {@code resolved} when the output has one per path; else adds nothing. */
    static void parseResolutions(List<String> paths, String out, int exit, Map<String, String> resolved) {
        if (exit != 0) {
            return;
        }
        String[] parts = out.split("\0", -1);
        // One per path and the empty rest after the last NUL.
        if (parts.length != paths.size() + 1 || !parts[paths.size()].isEmpty()) {
            return;
        }
        for (int i = 0; i < paths.size(); i++) {
            String r = normalize(parts[i]);
            if (r != null) {
                resolved.put(paths.get(i), r);
            }
        }
    }
}
