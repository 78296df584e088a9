package dev.jinfra.command;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What must not be shown of a command, an operation's name or an error: values whose name says they are a
 * password, passphrase, secret or token, and the password part of a URL ({@code https://user:TOKEN@host}).
 * Output, JSON events and logs end up in terminals, CI logs and tickets; the commands sent keep their values.
 */
public final class Redaction {
    /** Shown instead of a hidden value. */
    public static final String MASK = "****";

    // scheme://user:password@ — the password ends at '@'; quotes and blanks end a URL in shell text.
    private static final Pattern URL_PASSWORD =
            Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@'\"]*):[^/\\s@'\"]+@");

    private Redaction() {}

    /**
     * Whether a name (a host data key, an environment variable) says its value is secret. One rule for both,
     * so that {@code db_password} in host data and {@code DB_PASSWORD} in the environment are treated alike.
     */
    public static boolean isSecretName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("password") || n.contains("passphrase") || n.contains("secret") || n.contains("token");
    }

    /** {@code text} with the password of every URL in it replaced by {@link #MASK}; the user name stays. */
    public static String urlPasswords(String text) {
        return text == null || !text.contains("://")
                ? text
                : URL_PASSWORD.matcher(text).replaceAll("$1:" + MASK + "@");
    }
}
