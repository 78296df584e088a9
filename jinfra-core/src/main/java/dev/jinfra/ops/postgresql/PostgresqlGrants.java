package dev.jinfra.ops.postgresql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import dev.jinfra.command.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who holds which privileges on one database, schema or table, from its access list (the default one while none
 * was granted): grantee ({@code PUBLIC} for everyone) to privileges, sorted. Empty when the object does not exist.
 */
@Doc("Privileges on a PostgreSQL database, schema or table by grantee (PUBLIC for everyone).")
public record PostgresqlGrants(
        @Arg(value = "database, schema or table", defaultValue = "database")
        String objectType,

        @Arg(value = "the database's, schema's or table's name", required = true)
        String objectName,

        @Arg(value = "the table's schema", defaultValue = "public")
        String schema,

        @Arg("the database holding the schema or table; by default postgres")
        String database,

        @Arg("log in to the server as this role; by default as the user the command runs as")
        String psqlUser,

        @Arg("the password of psqlUser (sent in PGPASSWORD on standard input)")
        Secret psqlPassword,

        @Arg("the server's host or socket directory; by default the local socket")
        String psqlHost,

        @Arg("the server's port") Integer psqlPort)
        implements Fact<Map<String, List<String>>> {

    public PostgresqlGrants {
        ObjectKind.of("PostgresqlGrants", objectType);
        new Psql(psqlUser, psqlPassword, psqlHost, psqlPort);
    }

    @Override
    public Command command() {
        String grants = "json_build_object('grantee', CASE WHEN a.grantee = 0 THEN 'PUBLIC'"
                + " ELSE pg_get_userbyid(a.grantee) END, 'privilege', a.privilege_type)";
        String from = switch (ObjectKind.of("PostgresqlGrants", objectType)) {
            case DATABASE ->
                "pg_database d, aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a WHERE d.datname = "
                        + PgSql.literal(objectName);
            case SCHEMA ->
                "pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a WHERE n.nspname = "
                        + PgSql.literal(objectName);
            case TABLE ->
                "pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,"
                        + " aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a WHERE n.nspname = "
                        + PgSql.literal(schema) + " AND c.relname = " + PgSql.literal(objectName);
        };
        return new Psql(psqlUser, psqlPassword, psqlHost, psqlPort)
                .query(database, QueryOutput.jsonArray(grants, from));
    }

    @Override
    public Map<String, List<String>> parse(String stdout) {
        Map<String, List<String>> grants = new TreeMap<>();
        for (JsonNode r : QueryOutput.rows(stdout)) {
            List<String> privileges = grants.computeIfAbsent(r.path("grantee").asText(), g -> new ArrayList<>());
            String privilege = r.path("privilege").asText();
            if (!privileges.contains(privilege)) {
                privileges.add(privilege);
            }
        }
        grants.values().forEach(java.util.Collections::sort);
        return grants;
    }

    @Override
    public Map<String, List<String>> absent() {
        return Map.of();
    }
}
