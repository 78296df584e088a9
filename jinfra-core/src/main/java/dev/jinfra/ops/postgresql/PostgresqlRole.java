package dev.jinfra.ops.postgresql;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Secret;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code postgresql.role}: a role with exactly the given attributes, or no such role. A password is compared with
 * the verifier the server stores, here, when the login may read it (a superuser); otherwise it is set on every
 * run. It is sent as a SCRAM-SHA-256 verifier made here, on psql's standard input: the password itself never
 * leaves this machine.
 */
@Doc(
        name = "postgresql.role",
        value =
                "A PostgreSQL role with these attributes (login, superuser, createdb, createrole, replication,"
                        + " connection limit) and password, or absent. The password is compared with the server's SCRAM or MD5"
                        + " verifier here when the login is a superuser (else it is set on every run), and sent only as a"
                        + " SCRAM-SHA-256 verifier made here, on psql's standard input; it is never on a command line or shown.",
        example = "postgresql.role(\"app\").arg(\"password\", host.data(\"db_password\")).sudo(\"postgres\");")
public record PostgresqlRole(
        @Arg(value = "the role's name", required = true) String name,

        @Arg(value = "whether the role should exist", defaultValue = "true")
        boolean present,

        @Arg("its password (a Secret or text); none given: left as it is")
        Secret password,

        @Arg(value = "may log in", defaultValue = "true") boolean login,

        @Arg(value = "is a superuser", defaultValue = "false")
        boolean superuser,

        @Arg(value = "may create databases", defaultValue = "false")
        boolean createdb,

        @Arg(value = "may create roles", defaultValue = "false")
        boolean createrole,

        @Arg(value = "may start streaming replication", defaultValue = "false")
        boolean replication,

        @Arg("most concurrent connections, -1 for no limit; none given: left as it is")
        Integer connectionLimit,

        @Arg("log in to the server as this role; by default as the user the command runs as")
        String psqlUser,

        @Arg("the password of psqlUser (sent in PGPASSWORD on standard input)")
        Secret psqlPassword,

        @Arg("the server's host or socket directory; by default the local socket")
        String psqlHost,

        @Arg("the server's port") Integer psqlPort)
        implements Operation {

    public PostgresqlRole {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("postgresql.role: name must not be empty");
        }
        if (connectionLimit != null && connectionLimit < -1) {
            throw new IllegalArgumentException(
                    "postgresql.role: connectionLimit must be -1 (no limit) or more, not " + connectionLimit);
        }
        PgSql.identifier(name);
        new Psql(psqlUser, psqlPassword, psqlHost, psqlPort);
    }

    @Override
    public String describe() {
        return (present ? "PostgreSQL role: " : "Remove PostgreSQL role: ") + name;
    }

    @Override
    public Plan plan(FactSource facts) {
        Psql psql = new Psql(psqlUser, psqlPassword, psqlHost, psqlPort);
        PostgresqlRoles.Role now = facts.get(new PostgresqlRoles(psqlUser, psqlPassword, psqlHost, psqlPort))
                .get(name);
        String role = PgSql.identifier(name);
        if (!present) {
            return now == null
                    ? Plan.noChange("role " + name + " does not exist")
                    : Plan.run(psql.script(null, List.of(PgSql.Statement.plain("DROP ROLE " + role))));
        }
        List<String> attributes = new ArrayList<>();
        attribute(attributes, now == null || now.login() != login, login, "LOGIN");
        attribute(attributes, now == null || now.superuser() != superuser, superuser, "SUPERUSER");
        attribute(attributes, now == null || now.createdb() != createdb, createdb, "CREATEDB");
        attribute(attributes, now == null || now.createrole() != createrole, createrole, "CREATEROLE");
        attribute(attributes, now == null || now.replication() != replication, replication, "REPLICATION");
        if (connectionLimit != null && (now == null || now.connectionLimit() != connectionLimit)) {
            attributes.add("CONNECTION LIMIT " + connectionLimit);
        }
        boolean setPassword = password != null && (now == null || !passwordMatches(facts));
        if (now != null && attributes.isEmpty() && !setPassword) {
            return Plan.noChange("role " + name + " exists as wanted");
        }
        String head = (now == null ? "CREATE ROLE " : "ALTER ROLE ") + role + " WITH " + String.join(" ", attributes);
        PgSql.Statement statement = setPassword
                ? PgSql.Statement.withSecret(
                        head + (attributes.isEmpty() ? "" : " ") + "PASSWORD ",
                        new Secret(RolePassword.verifier(password.reveal())),
                        "")
                : PgSql.Statement.plain(head.strip());
        return Plan.run(psql.script(null, List.of(statement)));
    }

    private boolean passwordMatches(FactSource facts) {
        String stored = facts.get(new PostgresqlRolePasswords(psqlUser, psqlPassword, psqlHost, psqlPort))
                .get(name);
        return RolePassword.matches(stored, password.reveal(), name);
    }

    private static void attribute(List<String> into, boolean differs, boolean wanted, String keyword) {
        if (differs) {
            into.add(wanted ? keyword : "NO" + keyword);
        }
    }
}
