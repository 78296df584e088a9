package dev.jinfra.ops.postgresql;

import java.util.Locale;
import java.util.Set;

/** The kinds of object {@code postgresql.privileges} grants on, and the privileges PostgreSQL has for each. */
enum ObjectKind {
    DATABASE(Set.of("CREATE", "CONNECT", "TEMPORARY")),
    SCHEMA(Set.of("CREATE", "USAGE")),
    TABLE(Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "MAINTAIN"));

    final Set<String> privileges;

    ObjectKind(Set<String> privileges) {
        this.privileges = privileges;
    }

    /** The kind named {@code name} (database, schema, table), or one line saying what is allowed. */
    static ObjectKind of(String who, String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    who + ": objectType must be database, schema or table, not '" + name + "'");
        }
    }

    /** The SQL word for the object in GRANT and REVOKE. */
    String keyword() {
        return name();
    }
}
