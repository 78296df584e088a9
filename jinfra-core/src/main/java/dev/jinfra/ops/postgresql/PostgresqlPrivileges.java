package dev.jinfra.ops.postgresql;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code postgresql.privileges}: a role holds the given privileges on a database, schema or table (those it lacks
 * are granted), or does not (those it holds are revoked). Privileges others gave it through PUBLIC or membership
 * are not counted: only its own entry in the object's access list.
 */
@Doc(
        name = "postgresql.privileges",
        value = "A role holds (or, absent, does not hold) these privileges on a PostgreSQL database, schema or table;"
                + " only the missing ones are granted and only held ones revoked.",
        example = "postgresql.privileges(\"app\", \"table\", \"orders\", \"SELECT\", \"INSERT\").arg(\"database\","
                + " \"shop\").sudo(\"postgres\");")
public record PostgresqlPrivileges(
        @Arg(value = "the role that gets them", required = true)
        String role,

        @Arg(
                value = "privileges, e.g. SELECT, INSERT (database: CONNECT, CREATE, TEMPORARY; schema: USAGE, CREATE)",
                required = true)
        List<String> privileges,

        @Arg(value = "database, schema or table", defaultValue = "database")
        String objectType,

        @Arg(value = "the database's, schema's or table's name", required = true)
        String objectName,

        @Arg(value = "the table's schema", defaultValue = "public")
        String schema,

        @Arg("the database holding the schema or table; by default postgres")
        String database,

        @Arg(value = "whether the role should hold them", defaultValue = "true")
        boolean present,

        @Arg("log in to the server as this role; by default as the user the command runs as")
        String psqlUser,

        @Arg("the password of psqlUser (sent in PGPASSWORD on standard input)")
        Secret psqlPassword,

        @Arg("the server's host or socket directory; by default the local socket")
        String psqlHost,

        @Arg("the server's port") Integer psqlPort)
        implements Operation {

    public PostgresqlPrivileges {
        ObjectKind kind = ObjectKind.of("postgresql.privileges", objectType);
        if (role == null || role.isEmpty() || objectName == null || objectName.isEmpty()) {
            throw new IllegalArgumentException("postgresql.privileges: role and objectName must not be empty");
        }
        if (privileges.isEmpty()) {
            throw new IllegalArgumentException("postgresql.privileges: name at least one privilege");
        }
        List<String> named = new ArrayList<>();
        for (String p : privileges) {
            String upper = p.strip().toUpperCase(Locale.ROOT);
            String privilege = upper.equals("TEMP") ? "TEMPORARY" : upper;
            if (!kind.privileges.contains(privilege)) {
                throw new IllegalArgumentException("postgresql.privileges: a " + objectType.toLowerCase(Locale.ROOT)
                        + " has no privilege '" + p + "'; it has "
                        + String.join(", ", kind.privileges.stream().sorted().toList()));
            }
            if (!named.contains(privilege)) {
                named.add(privilege);
            }
        }
        privileges = List.copyOf(named);
        PgSql.identifier(role);
        PgSql.identifier(objectName);
        PgSql.identifier(schema);
        new Psql(psqlUser, psqlPassword, psqlHost, psqlPort);
    }

    @Override
    public String describe() {
        return "PostgreSQL privileges: " + String.join(", ", privileges) + " on " + objectType.toLowerCase(Locale.ROOT)
                + " " + objectName + (present ? " to " : " not to ") + role;
    }

    @Override
    public Plan plan(FactSource facts) {
        ObjectKind kind = ObjectKind.of("postgresql.privileges", objectType);
        List<String> held = facts.get(new PostgresqlGrants(
                        objectType, objectName, schema, database, psqlUser, psqlPassword, psqlHost, psqlPort))
                .getOrDefault(role, List.of());
        List<String> change =
                privileges.stream().filter(p -> held.contains(p) != present).toList();
        String on = kind.keyword() + " " + (kind == ObjectKind.TABLE ? PgSql.identifier(schema) + "." : "")
                + PgSql.identifier(objectName);
        if (change.isEmpty()) {
            return Plan.noChange(role + (present ? " holds " : " does not hold ") + String.join(", ", privileges)
                    + " on " + kind.name().toLowerCase(Locale.ROOT) + " " + objectName);
        }
        String sql = (present ? "GRANT " : "REVOKE ") + String.join(", ", change) + " ON " + on
                + (present ? " TO " : " FROM ") + grantee(role);
        return Plan.run(new Psql(psqlUser, psqlPassword, psqlHost, psqlPort)
                .script(database, List.of(PgSql.Statement.plain(sql))));
    }

    /** PUBLIC is everyone, not a role of that name. */
    private static String grantee(String role) {
        return role.equals("PUBLIC") ? "PUBLIC" : PgSql.identifier(role);
    }
}
