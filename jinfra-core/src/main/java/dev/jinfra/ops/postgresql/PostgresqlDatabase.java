package dev.jinfra.ops.postgresql;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Secret;
import java.util.List;
import java.util.Locale;

/**
 * {@code postgresql.database}: a database (with an owner and encoding), or none. An existing database gets the
 * owner asked for; its encoding cannot change, so one of another encoding is an error rather than a silent
 * mismatch. The template only matters when the database is created.
 */
@Doc(
        name = "postgresql.database",
        value = "A PostgreSQL database with an owner, encoding and template (when created), or absent. An existing"
                + " database's owner is changed to the one asked for; a different encoding is an error, as PostgreSQL"
                + " cannot change it.",
        example = "postgresql.database(\"app\").owner(\"app\").sudo(\"postgres\");")
public record PostgresqlDatabase(
        @Arg(value = "the database's name", required = true) String name,

        @Arg(value = "whether the database should exist", defaultValue = "true")
        boolean present,

        @Arg("the owning role; by default the role that creates it, and left as it is")
        String owner,

        @Arg("its encoding, e.g. UTF8; by default the template's")
        String encoding,

        @Arg("the database it is copied from when created; by default template1")
        String template,

        @Arg("log in to the server as this role; by default as the user the command runs as")
        String psqlUser,

        @Arg("the password of psqlUser (sent in PGPASSWORD on standard input)")
        Secret psqlPassword,

        @Arg("the server's host or socket directory; by default the local socket")
        String psqlHost,

        @Arg("the server's port") Integer psqlPort)
        implements Operation {

    public PostgresqlDatabase {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("postgresql.database: name must not be empty");
        }
        if (encoding != null && !encoding.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException(
                    "postgresql.database: encoding must be a name such as UTF8, not '" + encoding + "'");
        }
        PgSql.identifier(name);
        new Psql(psqlUser, psqlPassword, psqlHost, psqlPort);
    }

    @Override
    public String describe() {
        return (present ? "PostgreSQL database: " : "Remove PostgreSQL database: ") + name;
    }

    @Override
    public Plan plan(FactSource facts) {
        Psql psql = new Psql(psqlUser, psqlPassword, psqlHost, psqlPort);
        PostgresqlDatabases.Database now = facts.get(
                        new PostgresqlDatabases(psqlUser, psqlPassword, psqlHost, psqlPort))
                .get(name);
        String database = PgSql.identifier(name);
        if (!present) {
            return now == null
                    ? Plan.noChange("database " + name + " does not exist")
                    : Plan.run(psql.script(null, List.of(PgSql.Statement.plain("DROP DATABASE " + database))));
        }
        if (now == null) {
            StringBuilder sql = new StringBuilder("CREATE DATABASE " + database);
            if (owner != null) {
                sql.append(" OWNER ").append(PgSql.identifier(owner));
            }
            if (encoding != null) {
                sql.append(" ENCODING ").append(PgSql.literal(encoding));
            }
            if (template != null) {
                sql.append(" TEMPLATE ").append(PgSql.identifier(template));
            }
            return Plan.run(psql.script(null, List.of(PgSql.Statement.plain(sql.toString()))));
        }
        if (encoding != null && !sameEncoding(now.encoding(), encoding)) {
            throw new IllegalStateException("postgresql.database: " + name + " has the encoding " + now.encoding()
                    + ", not " + encoding + ", and PostgreSQL cannot change a database's encoding");
        }
        if (owner != null && !owner.equals(now.owner())) {
            return Plan.run(psql.script(
                    null,
                    List.of(PgSql.Statement.plain(
                            "ALTER DATABASE " + database + " OWNER TO " + PgSql.identifier(owner)))));
        }
        return Plan.noChange("database " + name + " exists as wanted");
    }

    /** UTF8, utf-8 and UTF_8 name one encoding, as PostgreSQL reads them. */
    private static boolean sameEncoding(String a, String b) {
        return normal(a).equals(normal(b));
    }

    private static String normal(String encoding) {
        return encoding.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
