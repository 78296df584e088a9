package dev.jinfra.deploy;

import dev.jinfra.ops.postgresql.PostgresqlDatabase;
import dev.jinfra.ops.postgresql.PostgresqlDump;
import dev.jinfra.ops.postgresql.PostgresqlLoad;
import dev.jinfra.ops.postgresql.PostgresqlPrivileges;
import dev.jinfra.ops.postgresql.PostgresqlRole;
import java.util.List;

/**
 * The {@code postgresql} operations, as deploy code calls them: {@code postgresql.role("app").sudo("postgres")}.
 * They log in through the local socket as the user their commands run as (hence {@code .sudo("postgres")}), unless
 * {@code psqlUser}, {@code psqlPassword}, {@code psqlHost} or {@code psqlPort} say otherwise. Other arguments are
 * given by name on the call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference
 * lists them.
 */
public final class PostgresqlOperations {
    /**
     * A PostgreSQL role with these attributes (login, superuser, createdb, createrole, replication, connection limit)
     * and password, or absent. The password is compared with the server's SCRAM or MD5 verifier here when the login is
     * a superuser (else it is set on every run), and sent only as a SCRAM-SHA-256 verifier made here, on psql's
     * standard input; it is never on a command line or shown.
     *
     * <p>{@code postgresql.role}: a role that may log in and nothing more; {@code .password(..)} gives it a
     * password, {@code .absent()} drops it.
     *
     * @param name the role's name
     */
    public PostgresqlRoleCall role(String name) {
        return PrepareContext.register(PostgresqlRoleCall::new).nameArgument(name);
    }

    /**
     * A PostgreSQL role with these attributes (login, superuser, createdb, createrole, replication, connection limit)
     * and password, or absent. The password is compared with the server's SCRAM or MD5 verifier here when the login is
     * a superuser (else it is set on every run), and sent only as a SCRAM-SHA-256 verifier made here, on psql's
     * standard input; it is never on a command line or shown.
     *
     * <p>{@code postgresql.role} with every argument in the record's order.
     *
     * @param role e.g. {@code new PostgresqlRole("app", true, null, true, false, false, false, false, null, null,
     *     null, null, null)}
     */
    public PostgresqlRoleCall role(PostgresqlRole role) {
        return PrepareContext.register(role, PostgresqlRoleCall::new);
    }

    /**
     * A PostgreSQL database with an owner, encoding and template (when created), or absent. An existing database's
     * owner is changed to the one asked for; a different encoding is an error, as PostgreSQL cannot change it.
     *
     * <p>{@code postgresql.database}: a database; {@code .owner(..)} gives its owner, {@code .absent()} drops it.
     *
     * @param name the database's name
     */
    public PostgresqlDatabaseCall database(String name) {
        return PrepareContext.register(PostgresqlDatabaseCall::new).nameArgument(name);
    }

    /**
     * A PostgreSQL database with an owner, encoding and template (when created), or absent. An existing database's
     * owner is changed to the one asked for; a different encoding is an error, as PostgreSQL cannot change it.
     *
     * <p>{@code postgresql.database} with every argument in the record's order.
     *
     * @param database e.g. {@code new PostgresqlDatabase("app", true, "app", "UTF8", null, null, null, null, null)}
     */
    public PostgresqlDatabaseCall database(PostgresqlDatabase database) {
        return PrepareContext.register(database, PostgresqlDatabaseCall::new);
    }

    /**
     * A role holds (or, absent, does not hold) these privileges on a PostgreSQL database, schema or table; only the
     * missing ones are granted and only held ones revoked.
     *
     * <p>{@code postgresql.privileges}: {@code role} holds these privileges on a database, schema or table;
     * {@code .absent()} revokes them.
     *
     * @param role the role that gets them
     * @param objectType database, schema or table
     * @param objectName the database's, schema's or table's name
     * @param privileges e.g. CONNECT, or SELECT and INSERT
     */
    public PostgresqlPrivilegesCall privileges(
            String role, String objectType, String objectName, String... privileges) {
        return PrepareContext.register(PostgresqlPrivilegesCall::new)
                .role(role)
                .objectType(objectType)
                .objectName(objectName)
                .privileges(List.of(privileges));
    }

    /**
     * A role holds (or, absent, does not hold) these privileges on a PostgreSQL database, schema or table; only the
     * missing ones are granted and only held ones revoked.
     *
     * <p>{@code postgresql.privileges} with every argument in the record's order.
     *
     * @param privileges e.g. {@code new PostgresqlPrivileges("app", List.of("CONNECT"), "database", "app", "public",
     *     null, true, null, null, null, null)}
     */
    public PostgresqlPrivilegesCall privileges(PostgresqlPrivileges privileges) {
        return PrepareContext.register(privileges, PostgresqlPrivilegesCall::new);
    }

    /**
     * Dumps a PostgreSQL database with pg_dump to a file on the host (plain SQL), on every run.
     *
     * <p>{@code postgresql.dump}: pg_dump of {@code database} to {@code dest} on the host, on every run.
     *
     * @param database the database to dump
     * @param dest the file on the host to write
     */
    public PostgresqlDumpCall dump(String database, String dest) {
        return PrepareContext.register(PostgresqlDumpCall::new)
                .database(database)
                .dest(dest);
    }

    /**
     * Dumps a PostgreSQL database with pg_dump to a file on the host (plain SQL), on every run.
     *
     * <p>{@code postgresql.dump} with every argument in the record's order.
     *
     * @param dump e.g. {@code new PostgresqlDump("app", "/var/backups/app.sql", null, null, null, null)}
     */
    public PostgresqlDumpCall dump(PostgresqlDump dump) {
        return PrepareContext.register(dump, PostgresqlDumpCall::new);
    }

    /**
     * Loads a SQL file on the host (a plain pg_dump, say) into a PostgreSQL database with psql, stopping at the first
     * error, on every run.
     *
     * <p>{@code postgresql.load}: runs the SQL file {@code src} on the host into {@code database}, on every run.
     *
     * @param database the database to load into
     * @param src the SQL file on the host
     */
    public PostgresqlLoadCall load(String database, String src) {
        return PrepareContext.register(PostgresqlLoadCall::new)
                .database(database)
                .src(src);
    }

    /**
     * Loads a SQL file on the host (a plain pg_dump, say) into a PostgreSQL database with psql, stopping at the first
     * error, on every run.
     *
     * <p>{@code postgresql.load} with every argument in the record's order.
     *
     * @param load e.g. {@code new PostgresqlLoad("app", "/var/backups/app.sql", null, null, null, null)}
     */
    public PostgresqlLoadCall load(PostgresqlLoad load) {
        return PrepareContext.register(load, PostgresqlLoadCall::new);
    }
}
