package dev.jinfra.connect;

import java.util.Locale;

/** How a server's host key is checked against known_hosts, as OpenSSH's {@code StrictHostKeyChecking}. */
public enum HostKeyChecking {
    /** Only keys already in known_hosts are accepted (the default). */
    YES,
    /** Unknown hosts are accepted and their keys recorded; a changed key is still refused. */
    ACCEPT_NEW,
    /** Every key is accepted and nothing is recorded. Only for throwaway hosts. */
    NO;

    public static HostKeyChecking parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "strict" -> YES;
            case "accept-new", "accept_new" -> ACCEPT_NEW;
            case "no", "false", "off" -> NO;
            default ->
                throw new IllegalArgumentException(
                        "ssh_strict_host_key_checking must be yes, accept-new or no, not '" + value + "'");
        };
    }
}
