package dev.jinfra.ops.files;

import java.util.Locale;

/** The hex digest at the start of a {@code md5sum}/{@code sha1sum}/{@code sha256sum}/{@code sha384sum} line. */
final class Digests {
    private Digests() {}

    static String parse(String tool, int hexLength, String path, String stdout) {
        String line = stdout.strip();
        // GNU coreutils start the line with a backslash when the file name holds a backslash or newline.
        if (line.startsWith("\\")) {
            line = line.substring(1);
        }
        String hex = line.length() >= hexLength ? line.substring(0, hexLength).toLowerCase(Locale.ROOT) : line;
        if (!isHex(hex, hexLength) || line.length() > hexLength && !Character.isWhitespace(line.charAt(hexLength))) {
            throw new IllegalArgumentException(
                    "unexpected " + tool + " output for " + path + ": '" + stdout.strip() + "'");
        }
        return hex;
    }

    // A loop, not a regex: this runs for every file fact of every host.
    private static boolean isHex(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }
}
