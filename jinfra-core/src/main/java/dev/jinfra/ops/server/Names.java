package dev.jinfra.ops.server;

import java.util.regex.Pattern;

/** Checks shared by the server operations, so that bad input fails when the deploy is prepared. */
final class Names {
    private Names() {}

    // What useradd/groupadd accept in practice (Debian's relaxed rule; Samba machine accounts end in $). No
    // leading '-', so a name can never be taken for an option.
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}\\$?");

    static String account(String operation, String what, String name) {
        if (name == null || !ACCOUNT.matcher(name).matches() || name.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(operation + ": '" + name + "' is not a valid " + what + " name");
        }
        return name;
    }

    static void absolutePath(String operation, String what, String path) {
        if (path != null && (!path.startsWith("/") || path.contains("\n") || path.contains(":"))) {
            throw new IllegalArgumentException(
                    operation + ": " + what + " must be an absolute path, not '" + path + "'");
        }
    }

    static void id(String operation, String what, Integer id) {
        if (id != null && id < 0) {
            throw new IllegalArgumentException(operation + ": " + what + " must not be negative, not " + id);
        }
    }
}
