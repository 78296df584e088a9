package dev.jinfra.ops.git;

import java.util.regex.Pattern;

/**
 * Checks on the values git operations pass to git. Every value goes to git as its own word, so these checks are
 * not about the shell: they stop values git would read as options, or as something other than what was meant.
 */
final class GitNames {
    private GitNames() {}

    // A conservative subset of git-check-ref-format: no leading dash (an option), no ':' or '..' (refspec and
    // range syntax), nothing git rejects anyway.
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./+-]*");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    // section[.subsection].name; the subsection may hold almost anything but a newline.
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9-]*(\\.[^\\n]+)?\\.[A-Za-z][A-Za-z0-9-]*");

    static void absolutePath(String op, String arg, String path) {
        if (path != null && (!path.startsWith("/") || path.contains("\n"))) {
            throw new IllegalArgumentException(op + ": " + arg + " must be an absolute path, not '" + path + "'");
        }
    }

    static void branch(String op, String branch) {
        if (branch != null
                && (!BRANCH.matcher(branch).matches()
                        || branch.contains("..")
                        || branch.endsWith(".lock")
                        || branch.endsWith("/")
                        || branch.endsWith("."))) {
            throw new IllegalArgumentException(op + ": '" + branch + "' is not a branch name");
        }
    }

    /** Full hashes only: the checkout fact reports a full hash, and an abbreviation could become ambiguous. */
    static String commit(String op, String commit) {
        if (commit == null) {
            return null;
        }
        String lower = commit.toLowerCase(java.util.Locale.ROOT);
        if (!COMMIT.matcher(lower).matches()) {
            throw new IllegalArgumentException(
                    op + ": commit must be a full 40 (or 64) hex digit hash, not '" + commit + "'");
        }
        return lower;
    }

    static void key(String op, String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException(op + ": '" + key + "' is not a git config key (section.name)");
        }
    }
}
