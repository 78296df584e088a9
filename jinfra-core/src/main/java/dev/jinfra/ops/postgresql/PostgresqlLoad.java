package dev.jinfra.ops.postgresql;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Secret;
import java.util.List;

/** {@code postgresql.load}: runs a SQL file on the host into a database with psql, on every run (as pyinfra's). */
@Doc(
        name = "postgresql.load",
        value = "Loads a SQL file on the host (a plain pg_dump, say) into a PostgreSQL database with psql, stopping"
                + " at the first error, on every run.",
        example = "postgresql.load(\"app\", \"/var/backups/app.sql\").sudo(\"postgres\");")
public record PostgresqlLoad(
        @Arg(value = "the database to load into", required = true)
        String database,

        @Arg(value = "the SQL file on the host", required = true)
        String src,

        @Arg("log in to the server as this role; by default as the user the command runs as")
        String psqlUser,

        @Arg("the password of psqlUser (sent in PGPASSWORD on standard input)")
        Secret psqlPassword,

        @Arg("the server's host or socket directory; by default the local socket")
        String psqlHost,

        @Arg("the server's port") Integer psqlPort)
        implements Operation {

    public PostgresqlLoad {
        if (database == null || database.isEmpty() || src == null || src.isEmpty()) {
            throw new IllegalArgumentException("postgresql.load: database and src must not be empty");
        }
        new Psql(psqlUser, psqlPassword, psqlHost, psqlPort);
    }

    @Override
    public String describe() {
        return "PostgreSQL load: " + src + " -> " + database;
    }

    @Override
    public Plan plan(FactSource facts) {
        return Plan.run(new Psql(psqlUser, psqlPassword, psqlHost, psqlPort)
                .program("psql", database, List.of("--file=" + src)));
    }
}
