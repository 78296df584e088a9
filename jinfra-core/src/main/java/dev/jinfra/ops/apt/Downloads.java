package dev.jinfra.ops.apt;

import dev.jinfra.api.FactSource;
import dev.jinfra.ops.files.Which;
import java.util.regex.Pattern;

/** Fetching a URL on the host into {@code "$t"} with whichever of curl or wget it has. */
final class Downloads {
    private Downloads() {}

    // A URL starts with its scheme, so it can never be read as an option by curl, wget or dpkg.
    private static final Pattern URL = Pattern.compile("(https?|ftp)://\\S+");

    static boolean isUrl(String src) {
        return src != null && URL.matcher(src).matches();
    }

    /** Shell text that downloads {@code "$1"} to {@code "$t"}; fixed text, the URL only ever arrives as $1. */
    static String fetch(String operation, FactSource facts) {
        if (facts.get(new Which("curl")) != null) {
            return "curl -fsSL -o \"$t\" \"$1\"";
        }
        if (facts.get(new Which("wget")) != null) {
            return "wget -q -O \"$t\" \"$1\"";
        }
        throw new IllegalStateException(operation + ": the host has neither curl nor wget to download with");
    }
}
