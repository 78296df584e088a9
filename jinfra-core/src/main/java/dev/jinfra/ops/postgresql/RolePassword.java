package dev.jinfra.ops.postgresql;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A role's password as PostgreSQL stores it: a SCRAM-SHA-256 verifier (or, from older servers, an MD5 hash). A
 * password is compared with the stored form here, and the form sent to the server is made here, so the password
 * itself never reaches the server, its logs or its statistics, only the verifier does (as psql's {@code \password}
 * does). Needs PostgreSQL 10 or newer for SCRAM.
 */
final class RolePassword {
    private static final int ITERATIONS = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RolePassword() {}

    /** A new SCRAM-SHA-256 verifier for {@code password}, with a random salt. */
    static String verifier(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return verifier(password, salt, ITERATIONS);
    }

    /**
     * Whether {@code stored} (the role's {@code rolpassword}) is {@code password} for {@code role}; false when it is
     * of a form not known here, so that the password is set again rather than wrongly kept.
     */
    static boolean matches(String stored, String password, String role) {
        if (stored == null || stored.isEmpty()) {
            return false;
        }
        if (stored.startsWith("md5") && stored.length() == 35) {
            return MessageDigest.isEqual(
                    stored.getBytes(StandardCharsets.US_ASCII),
                    ("md5" + hex(digest("MD5", (password + role).getBytes(StandardCharsets.UTF_8))))
                            .getBytes(StandardCharsets.US_ASCII));
        }
        // SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>
        String[] parts = stored.split("[$:]");
        if (parts.length != 5 || !parts[0].equals("SCRAM-SHA-256")) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            return MessageDigest.isEqual(
                    verifier(password, salt, iterations).getBytes(StandardCharsets.US_ASCII),
                    stored.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String verifier(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(saslPrep(password).toCharArray(), salt, iterations, 256);
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
            byte[] clientKey = hmac(salted, "Client Key");
            byte[] storedKey = digest("SHA-256", clientKey);
            byte[] serverKey = hmac(salted, "Server Key");
            Base64.Encoder b64 = Base64.getEncoder();
            return "SCRAM-SHA-256$" + iterations + ":" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey)
                    + ":" + b64.encodeToString(serverKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no PBKDF2 with HMAC-SHA-256", e);
        }
    }

    /**
     * The password as PostgreSQL prepares it (SASLprep, RFC 4013), for the cases that occur: ASCII unchanged;
     * otherwise non-ASCII spaces become spaces, characters mapped to nothing go, and NFKC normalizes the rest. Text
     * SASLprep prohibits (control characters) is used as it is, as PostgreSQL does.
     */
    static String saslPrep(String password) {
        if (password.chars().allMatch(c -> c < 0x80)) {
            return password;
        }
        StringBuilder mapped = new StringBuilder();
        password.codePoints().forEach(c -> {
            if (Character.isSpaceChar(c) && c != ' ') {
                mapped.append(' ');
            } else if (c != 0x00AD
                    && c != 0x200B
                    && c != 0x2060
                    && c != 0xFEFF
                    && !(c >= 0xFE00 && c <= 0xFE0F)
                    && c != 0x034F
                    && c != 0x1806
                    && !(c >= 0x180B && c <= 0x180D)
                    && c != 0x200C
                    && c != 0x200D) {
                mapped.appendCodePoint(c);
            }
        });
        String normalized = Normalizer.normalize(mapped, Normalizer.Form.NFKC);
        boolean prohibited = normalized
                .codePoints()
                .anyMatch(c -> Character.isISOControl(c)
                        || Character.getType(c) == Character.PRIVATE_USE
                        || Character.getType(c) == Character.SURROGATE);
        return prohibited ? password : normalized;
    }

    private static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no " + algorithm, e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
