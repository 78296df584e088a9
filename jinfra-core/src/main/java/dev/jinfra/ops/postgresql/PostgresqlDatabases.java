package dev.jinfra.ops.postgresql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import dev.jinfra.command.Secret;
import java.util.LinkedHashMap;
import java.util.Map;

/** The server's databases by name, from {@code pg_database}: owner and encoding. */
@Doc("PostgreSQL databases by name: owner and encoding.")
public record PostgresqlDatabases(
        @Arg("log in to the server as this role; by default as the user the command runs as")
        String psqlUser,

        @Arg("the password of psqlUser (sent in PGPASSWORD on standard input)")
        Secret psqlPassword,

        @Arg("the server's host or socket directory; by default the local socket")
        String psqlHost,

        @Arg("the server's port") Integer psqlPort)
        implements Fact<Map<String, PostgresqlDatabases.Database>> {

    public record Database(String owner, String encoding) {}

    public PostgresqlDatabases {
        new Psql(psqlUser, psqlPassword, psqlHost, psqlPort);
    }

    @Override
    public Command command() {
        return new Psql(psqlUser, psqlPassword, psqlHost, psqlPort)
                .query(
                        null,
                        QueryOutput.jsonArray(
                                "json_build_object('name', datname, 'owner', pg_get_userbyid(datdba),"
                                        + " 'encoding', pg_encoding_to_char(encoding))",
                                "pg_database"));
    }

    @Override
    public Map<String, Database> parse(String stdout) {
        Map<String, Database> databases = new LinkedHashMap<>();
        for (JsonNode r : QueryOutput.rows(stdout)) {
            databases.put(
                    r.path("name").asText(),
                    new Database(r.path("owner").asText(), r.path("encoding").asText()));
        }
        return databases;
    }

    @Override
    public Map<String, Database> absent() {
        return Map.of();
    }
}
