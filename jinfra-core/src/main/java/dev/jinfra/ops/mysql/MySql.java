package dev.jinfra.ops.mysql;

import dev.jinfra.command.Secret;

/**
 * MySQL's and MariaDB's quoting, for the SQL jinfra writes: identifiers in backquotes with backquotes doubled, and
 * literals in single quotes with quotes doubled and backslashes escaped (the servers' default, without the
 * {@code NO_BACKSLASH_ESCAPES} mode, which jinfra's sessions turn off).
 */
public final class MySql {
    private MySql() {}

    /** A name (database, table) as one identifier, whatever characters it holds. */
    public static String identifier(String name) {
        return "`" + checked(name).replace("`", "``") + "`";
    }

    /** Text as a string literal. */
    public static String literal(String text) {
        return "'" + checked(text).replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** An account as GRANT and CREATE USER name it: {@code 'user'@'host'}. */
    public static String account(String user, String host) {
        return literal(user) + "@" + literal(host);
    }

    /** A statement that may hold a secret, as sent and as shown with the secret masked. */
    record Statement(String sent, String shown) {
        static Statement plain(String sql) {
            return new Statement(sql, sql);
        }

        /** {@code before}, the secret as a literal, then {@code after}. */
        static Statement withSecret(String before, Secret secret, String after) {
            return new Statement(before + literal(secret.reveal()) + after, before + "'****'" + after);
        }
    }

    // A NUL ends a C string: the client would cut the statement there.
    private static String checked(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("SQL text cannot hold a NUL character");
        }
        return text;
    }
}
