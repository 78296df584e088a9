package dev.jinfra.ops.postgresql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import dev.jinfra.command.Secret;
import java.util.LinkedHashMap;
import java.util.Map;

/** The server's roles by name, from {@code pg_roles}: what each may do. */
@Doc(
        "PostgreSQL roles by name: login, superuser, createdb, createrole, replication and connection limit (-1 for none).")
public record PostgresqlRoles(
        @Arg("log in to the server as this role; by default as the user the command runs as")
        String psqlUser,

        @Arg("the password of psqlUser (sent in PGPASSWORD on standard input)")
        Secret psqlPassword,

        @Arg("the server's host or socket directory; by default the local socket")
        String psqlHost,

        @Arg("the server's port") Integer psqlPort)
        implements Fact<Map<String, PostgresqlRoles.Role>> {

    public record Role(
            boolean login,
            boolean superuser,
            boolean createdb,
            boolean createrole,
            boolean replication,
            int connectionLimit) {}

    public PostgresqlRoles {
        new Psql(psqlUser, psqlPassword, psqlHost, psqlPort);
    }

    @Override
    public Command command() {
        return new Psql(psqlUser, psqlPassword, psqlHost, psqlPort)
                .query(
                        null,
                        QueryOutput.jsonArray(
                                "json_build_object('name', rolname, 'login', rolcanlogin, 'superuser', rolsuper,"
                                        + " 'createdb', rolcreatedb, 'createrole', rolcreaterole,"
                                        + " 'replication', rolreplication, 'connectionLimit', rolconnlimit)",
                                "pg_roles"));
    }

    @Override
    public Map<String, Role> parse(String stdout) {
        Map<String, Role> roles = new LinkedHashMap<>();
        for (JsonNode r : QueryOutput.rows(stdout)) {
            roles.put(
                    r.path("name").asText(),
                    new Role(
                            r.path("login").asBoolean(),
                            r.path("superuser").asBoolean(),
                            r.path("createdb").asBoolean(),
                            r.path("createrole").asBoolean(),
                            r.path("replication").asBoolean(),
                            r.path("connectionLimit").asInt(-1)));
        }
        return roles;
    }

    @Override
    public Map<String, Role> absent() {
        return Map.of();
    }
}
