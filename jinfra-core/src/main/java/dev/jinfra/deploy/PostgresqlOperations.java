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
     * {@code postgresql.role}: a role that may log in and nothing more; {@code .arg("password", ..)} gives it a
     * password, {@code .absent()} drops it.
     *
     * @param name the role's name
     */
    public OperationCall role(String name) {
        return PrepareContext.register(PostgresqlRole.class).arg("name", name);
    }

    /**
     * {@code postgresql.role} with every argument in the record's order.
     *
     * @param role e.g. {@code new PostgresqlRole("app", true, null, true, false, false, false, false, null, null,
     *     null, null, null)}
     */
    public OperationCall role(PostgresqlRole role) {
        return PrepareContext.register(role);
    }

    /**
     * {@code postgresql.database}: a database; {@code .owner(..)} gives its owner, {@code .absent()} drops it.
     *
     * @param name the database's name
     */
    public OperationCall database(String name) {
        return PrepareContext.register(PostgresqlDatabase.class).arg("name", name);
    }

    /**
     * {@code postgresql.database} with every argument in the record's order.
     *
     * @param database e.g. {@code new PostgresqlDatabase("app", true, "app", "UTF8", null, null, null, null, null)}
     */
    public OperationCall database(PostgresqlDatabase database) {
        return PrepareContext.register(database);
    }

    /**
     * {@code postgresql.privileges}: {@code role} holds these privileges on a database, schema or table;
     * {@code .absent()} revokes them.
     *
     * @param role the role that gets them
     * @param objectType database, schema or table
     * @param objectName the database's, schema's or table's name
     * @param privileges e.g. CONNECT, or SELECT and INSERT
     */
    public OperationCall privileges(String role, String objectType, String objectName, String... privileges) {
        return PrepareContext.register(PostgresqlPrivileges.class)
                .arg("role", role)
                .arg("objectType", objectType)
                .arg("objectName", objectName)
                .arg("privileges", List.of(privileges));
    }

    /**
     * {@code postgresql.privileges} with every argument in the record's order.
     *
     * @param privileges e.g. {@code new PostgresqlPrivileges("app", List.of("CONNECT"), "database", "app", "public",
     *     null, true, null, null, null, null)}
     */
    public OperationCall privileges(PostgresqlPrivileges privileges) {
        return PrepareContext.register(privileges);
    }

    /**
     * {@code postgresql.dump}: pg_dump of {@code database} to {@code dest} on the host, on every run.
     *
     * @param database the database to dump
     * @param dest the file on the host to write
     */
    public OperationCall dump(String database, String dest) {
        return PrepareContext.register(PostgresqlDump.class)
                .arg("database", database)
                .arg("dest", dest);
    }

    /**
     * {@code postgresql.dump} with every argument in the record's order.
     *
     * @param dump e.g. {@code new PostgresqlDump("app", "/var/backups/app.sql", null, null, null, null)}
     */
    public OperationCall dump(PostgresqlDump dump) {
        return PrepareContext.register(dump);
    }

    /**
     * {@code postgresql.load}: runs the SQL file {@code src} on the host into {@code database}, on every run.
     *
     * @param database the database to load into
     * @param src the SQL file on the host
     */
    public OperationCall load(String database, String src) {
        return PrepareContext.register(PostgresqlLoad.class)
                .arg("database", database)
                .arg("src", src);
    }

    /**
     * {@code postgresql.load} with every argument in the record's order.
     *
     * @param load e.g. {@code new PostgresqlLoad("app", "/var/backups/app.sql", null, null, null, null)}
     */
    public OperationCall load(PostgresqlLoad load) {
        return PrepareContext.register(load);
    }
}
