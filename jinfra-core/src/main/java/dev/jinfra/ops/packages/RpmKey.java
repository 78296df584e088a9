package dev.jinfra.ops.packages;

import dev.jinfra.api.FactSource;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.Locale;
import java.util.regex.Pattern;

/** The plan dnf.key and yum.key share: both import into rpm, whichever tool installs the packages. */
final class RpmKey {
    private RpmKey() {}

    private static final Pattern SRC = Pattern.compile("(https?|ftp)://\\S+|/[^\\n]*");
    // A short (8), long (16) or full (40) key id, with or without 0x; the last 8 digits are what rpm keeps.
    private static final Pattern KEY_ID = Pattern.compile("(0x)?([0-9a-f]{8}|[0-9a-f]{16}|[0-9a-f]{40})");

    /** The key id rpm lists, from what was given (checked); null when none was. */
    static String check(String operation, String src, String keyid) {
        if (src == null || !SRC.matcher(src).matches()) {
            throw new IllegalArgumentException(
                    operation + ": src must be an http, https or ftp URL or an absolute path, not '" + src + "'");
        }
        if (keyid == null) {
            return null;
        }
        String id = keyid.strip().replace(" ", "").toLowerCase(Locale.ROOT);
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    operation + ": keyid must be a key id or fingerprint in hex, not '" + keyid + "'");
        }
        return id.substring(id.length() - 8);
    }

    static Plan plan(String src, String shortId, FactSource facts) {
        // Without an id nothing tells whether the key is there: rpm imports it again, which is harmless.
        if (shortId != null && facts.get(new RpmKeys()).contains(shortId)) {
            return Plan.noChange("key " + shortId + " is imported");
        }
        // src is a URL or an absolute path (checked), never an option.
        return Plan.run(Command.of("rpm", "--import", src));
    }
}
