package dev.jinfra.ops.postgresql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import dev.jinfra.command.Secret;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored form of each role's password (a SCRAM verifier or MD5 hash, empty for none), from {@code pg_authid},
 * which only a superuser may read: for anyone else the read fails and the value is empty, so passwords are set
 * rather than compared.
 */
@Doc("PostgreSQL roles' stored password verifiers by role (superusers only); never printed.")
public record PostgresqlRolePasswords(
        @Arg("log in to the server as this role; by default as the user the command runs as")
        String psqlUser,

        @Arg("the password of psqlUser (sent in PGPASSWORD on standard input)")
        Secret psqlPassword,

        @Arg("the server's host or socket directory; by default the local socket")
        String psqlHost,

        @Arg("the server's port") Integer psqlPort)
        implements Fact<Map<String, String>> {

    public PostgresqlRolePasswords {
        new Psql(psqlUser, psqlPassword, psqlHost, psqlPort);
    }

    @Override
    public Command command() {
        return new Psql(psqlUser, psqlPassword, psqlHost, psqlPort)
                .query(
                        null,
                        QueryOutput.jsonArray(
                                "json_build_object('name', rolname, 'password', coalesce(rolpassword, ''))",
                                "pg_authid"));
    }

    @Override
    public Map<String, String> parse(String stdout) {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (JsonNode r : QueryOutput.rows(stdout)) {
            passwords.put(r.path("name").asText(), r.path("password").asText());
        }
        return passwords;
    }

    @Override
    public Map<String, String> absent() {
        return Map.of();
    }

    /** Verifiers can be attacked offline: run output says only that they were read. */
    @Override
    public boolean valueIsContent() {
        return true;
    }
}
