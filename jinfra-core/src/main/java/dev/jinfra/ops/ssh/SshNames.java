package dev.jinfra.ops.ssh;

import java.util.regex.Pattern;

/** Checks of host names and known_hosts files, and the name a port other than 22 is stored under. */
final class SshNames {
    private SshNames() {}

    // Host names and IPv4/IPv6 addresses; no leading '-', so ssh-keyscan never reads one as an option.
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_:.\\[\\]%][A-Za-z0-9_:.\\[\\]%-]*");

    static void check(String where, String hostname, int port, String file) {
        if (hostname == null || !HOST.matcher(hostname).matches()) {
            throw new IllegalArgumentException(where + ": '" + hostname + "' is not a host name or address");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(where + ": port must be 1 to 65535, not " + port);
        }
        if (file != null && !file.startsWith("/")) {
            throw new IllegalArgumentException(where + ": the known_hosts file must be absolute, not '" + file + "'");
        }
    }

    /** known_hosts writes a host on another port than 22 as {@code [host]:port}. */
    static String entry(String hostname, int port) {
        return port == 22 ? hostname : "[" + hostname + "]:" + port;
    }
}
