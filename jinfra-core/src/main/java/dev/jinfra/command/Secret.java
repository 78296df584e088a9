package dev.jinfra.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A password, passphrase or decrypted value that must never be printed: its {@code toString} hides it. Host
 * data holds one where an inventory value was encrypted (Ansible's vault), so that printing the data, or an
 * error quoting it, shows {@link Redaction#MASK} instead.
 */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = value;
    }

    /** The secret itself, for the places that use it: a command's standard input, a login, a rendered file. */
    public String reveal() {
        return value;
    }

    /**
     * {@code value} with every secret in it, nested in lists and maps too, replaced by its text: what code that
     * needs the plain values (templates, connection settings) reads host data through.
     */
    public static Object revealed(Object value) {
        if (value instanceof SelfRevealing) {
            return value;
        }
        if (value instanceof Secret secret) {
            return secret.value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, revealed(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            // Stream.toList keeps null items, which data may hold.
            return list.stream().map(Secret::revealed).toList();
        }
        return value;
    }

    /** Whether {@code value} is a secret or holds one, nested in lists and maps too. */
    public static boolean anyIn(Object value) {
        if (value instanceof SelfRevealing self) {
            return self.mayHoldSecret();
        }
        if (value instanceof Secret) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(Secret::anyIn);
        }
        return value instanceof List<?> list && list.stream().anyMatch(Secret::anyIn);
    }

    /**
     * A map of values that reveals its secrets itself as each is read, and may be lazy or reach far (every host's
     * variables): {@link #revealed} keeps it as it is rather than copying it.
     */
    public interface SelfRevealing {
        /** Whether a value read from it may be made of secrets. */
        boolean mayHoldSecret();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && java.util.Objects.equals(s.value, value);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return Redaction.MASK;
    }
}
