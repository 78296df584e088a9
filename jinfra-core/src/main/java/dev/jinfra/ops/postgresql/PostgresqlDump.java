package dev.jinfra.ops.postgresql;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Secret;
import java.util.List;

/** {@code postgresql.dump}: {@code pg_dump} of a database to a file on the host, on every run (as pyinfra's). */
@Doc(
        name = "postgresql.dump",
        value = "Dumps a PostgreSQL database with pg_dump to a file on the host (plain SQL), on every run.",
        example = "postgresql.dump(\"app\", \"/var/backups/app.sql\").sudo(\"postgres\");")
public record PostgresqlDump(
        @Arg(value = "the database to dump", required = true)
        String database,

        @Arg(value = "the file on the host to write", required = true)
        String dest,

        @Arg("log in to the server as this role; by default as the user the command runs as")
        String psqlUser,

        @Arg("the password of psqlUser (sent in PGPASSWORD on standard input)")
        Secret psqlPassword,

        @Arg("the server's host or socket directory; by default the local socket")
        String psqlHost,

        @Arg("the server's port") Integer psqlPort)
        implements Operation {

    public PostgresqlDump {
        if (database == null || database.isEmpty() || dest == null || dest.isEmpty()) {
            throw new IllegalArgumentException("postgresql.dump: database and dest must not be empty");
        }
        new Psql(psqlUser, psqlPassword, psqlHost, psqlPort);
    }

    @Override
    public String describe() {
        return "PostgreSQL dump: " + database + " -> " + dest;
    }

    @Override
    public Plan plan(FactSource facts) {
        return Plan.run(new Psql(psqlUser, psqlPassword, psqlHost, psqlPort)
                .program("pg_dump", database, List.of("--file=" + dest)));
    }
}
