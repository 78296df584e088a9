package dev.jinfra.ops.mysql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The {@code mysql_native_password} hash ({@code *} and the hex of SHA-1 of SHA-1 of the password), to compare a
 * password with what the server stores without sending it anywhere. Other plugins (MySQL 8's
 * {@code caching_sha2_password}, ed25519, a socket login) are not compared: the password is set again.
 */
final class NativePassword {
    private NativePassword() {}

    static boolean matches(MysqlUsers.Account account, String password) {
        String plugin = account.plugin();
        if (!plugin.isEmpty() && !plugin.equals("mysql_native_password")) {
            return false;
        }
        byte[] expected = hash(password).getBytes(StandardCharsets.US_ASCII);
        byte[] stored = account.authenticationString().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, stored);
    }

    static String hash(String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] once = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
            return "*" + HexFormat.of().withUpperCase().formatHex(sha1.digest(once));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-1", e);
        }
    }
}
