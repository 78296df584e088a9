package dev.jinfra.ops.postgresql;

import dev.jinfra.command.Secret;

/**
 * PostgreSQL's quoting, for the SQL jinfra writes: identifiers in double quotes and literals in single quotes,
 * each with its quote doubled. A literal with a backslash is written as an escape string ({@code E'..'}), whose
 * meaning does not depend on the server's {@code standard_conforming_strings}.
 */
public final class PgSql {
    private PgSql() {}

    /** A name (role, database, schema, table) as one identifier, whatever characters it holds. */
    public static String identifier(String name) {
        return "\"" + checked(name).replace("\"", "\"\"") + "\"";
    }

    /** Text as a string literal. */
    public static String literal(String text) {
        String doubled = checked(text).replace("'", "''");
        return text.indexOf('\\') < 0 ? "'" + doubled + "'" : "E'" + doubled.replace("\\", "\\\\") + "'";
    }

    /** A statement that holds {@code secret}, as sent and as shown with the secret masked. */
    record Statement(String sent, String shown) {
        static Statement plain(String sql) {
            return new Statement(sql, sql);
        }

        /** {@code before}, the secret as a literal, then {@code after}. */
        static Statement withSecret(String before, Secret secret, String after) {
            return new Statement(before + literal(secret.reveal()) + after, before + "'****'" + after);
        }
    }

    // A NUL ends a C string: no server takes one in SQL text, and psql would cut the statement there.
    private static String checked(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("SQL text cannot hold a NUL character");
        }
        return text;
    }
}
