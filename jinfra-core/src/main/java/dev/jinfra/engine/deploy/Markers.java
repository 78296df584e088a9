package dev.jinfra.engine.deploy;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Unguessable marker lines that separate the parts of a script's output. A host's own output cannot forge one, as
 * it cannot know it in advance. They come from one DRBG rather than the platform's default generator: that one
 * reads {@code /dev/urandom} under a lock shared by the whole JVM, SSH's key exchanges included, and at 1,000 hosts
 * the markers' share of that lock was 5 % of a run's samples.
 */
final class Markers {
    private static final SecureRandom RANDOM = drbg();

    private Markers() {}

    /** {@code prefix} followed by 128 random bits in hex. */
    static String next(String prefix) {
        // One request for all 16 bytes: each nextLong() is two requests to the generator.
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return prefix + HexFormat.of().formatHex(bits);
    }

    /** 64 random bits in hex, for identities that must not repeat across runs. */
    static String id() {
        byte[] bits = new byte[8];
        RANDOM.nextBytes(bits);
        return HexFormat.of().formatHex(bits);
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
