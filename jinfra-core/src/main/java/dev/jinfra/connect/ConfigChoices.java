package dev.jinfra.connect;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The ssh_config settings that shape how jinfra connects rather than where: StrictHostKeyChecking,
 * ConnectTimeout, ConnectionAttempts and KexAlgorithms. Host data wins over each of them; a value jinfra
 * cannot use is an error naming the file and line, never silently a default.
 */
final class ConfigChoices {
    private ConfigChoices() {}

    /** {@code ask} is taken as {@code yes}: with a thousand hosts there is no one to ask per key. */
    static HostKeyChecking hostKeyChecking(SshConfigFile.Setting s) {
        if (s == null) {
            return HostKeyChecking.YES;
        }
        return switch (s.value().strip().toLowerCase(Locale.ROOT)) {
            case "yes", "ask" -> HostKeyChecking.YES;
            case "accept-new" -> HostKeyChecking.ACCEPT_NEW;
            case "no", "off" -> HostKeyChecking.NO;
            default -> throw bad(s, "StrictHostKeyChecking must be yes, ask, accept-new, no or off");
        };
    }

    /** Seconds; 0 is OpenSSH's "no timeout of its own", which jinfra gives its default instead. */
    static Duration connectTimeout(SshConfigFile.Setting s, Duration fallback) {
        if (s == null) {
            return fallback;
        }
        int seconds = number(s, "ConnectTimeout", 0, 3600);
        return seconds == 0 ? fallback : Duration.ofSeconds(seconds);
    }

    /** ConnectionAttempts counts the first attempt too; jinfra's retries do not. */
    static int retries(SshConfigFile.Setting s) {
        return s == null ? 0 : number(s, "ConnectionAttempts", 1, 101) - 1;
    }

    /**
     * A plain list replaces jinfra's choice; {@code +list} adds to the defaults, which already hold everything
     * jinfra can use, so it keeps them. {@code -list} and {@code ^list} would need OpenSSH's own default list
     * and are refused rather than half followed.
     */
    static List<String> kexAlgorithms(SshConfigFile.Setting s) {
        if (s == null || s.value().startsWith("+")) {
            return List.of();
        }
        if (s.value().startsWith("-") || s.value().startsWith("^")) {
            throw bad(s, "KexAlgorithms with - or ^ is not supported; give the list itself, or set ssh_kex_algorithms");
        }
        return Arrays.stream(s.value().split(","))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    private static int number(SshConfigFile.Setting s, String name, int min, int max) {
        try {
            int n = Integer.parseInt(s.value().strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below with the line.
        }
        throw bad(s, name + " must be a whole number from " + min + " to " + max + ", not '" + s.value() + "'");
    }

    private static IllegalArgumentException bad(SshConfigFile.Setting s, String problem) {
        return new IllegalArgumentException(s.where() + ": " + problem);
    }
}
