package dev.jinfra.deploy;

import dev.jinfra.ops.mysql.MysqlDatabase;
import dev.jinfra.ops.mysql.MysqlPrivileges;
import dev.jinfra.ops.mysql.MysqlUser;
import java.util.List;

/**
 * The {@code mysql} operations (MySQL and MariaDB), as deploy code calls them: {@code mysql.database("app").sudo()}.
 * They log in through the local socket as the user their commands run as (root's socket login on Debian), unless
 * {@code mysqlUser}, {@code mysqlPassword}, {@code mysqlHost} or {@code mysqlPort} say otherwise. Other arguments are
 * given by name on the call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference
 * lists them.
 */
public final class MysqlOperations {
    /**
     * A MySQL/MariaDB account user@host with a password, or absent. The password is compared here with the server's
     * mysql_native_password hash (another plugin: set on every run) and sent only on the client's standard input; it is
     * never on a command line or shown.
     *
     * <p>{@code mysql.user}: the account {@code user@host}; {@code .password(..)} gives it a password,
     * {@code .absent()} drops it.
     *
     * @param user the account's user name
     * @param host the host it may connect from (% for any)
     */
    public MysqlUserCall user(String user, String host) {
        return PrepareContext.register(MysqlUserCall::new).user(user).host(host);
    }

    /**
     * A MySQL/MariaDB account user@host with a password, or absent. The password is compared here with the server's
     * mysql_native_password hash (another plugin: set on every run) and sent only on the client's standard input; it is
     * never on a command line or shown.
     *
     * <p>{@code mysql.user} with every argument in the record's order.
     *
     * @param user e.g. {@code new MysqlUser("app", "localhost", true, null, null, null, null, null)}
     */
    public MysqlUserCall user(MysqlUser user) {
        return PrepareContext.register(user, MysqlUserCall::new);
    }

    /**
     * A MySQL/MariaDB database with a default character set and collation (changed with ALTER DATABASE when they
     * differ), or absent.
     *
     * <p>{@code mysql.database}: a database; {@code .charset(..)} and {@code .collation(..)} set its
     * defaults, {@code .absent()} drops it.
     *
     * @param name the database's name
     */
    public MysqlDatabaseCall database(String name) {
        return PrepareContext.register(MysqlDatabaseCall::new).nameArgument(name);
    }

    /**
     * A MySQL/MariaDB database with a default character set and collation (changed with ALTER DATABASE when they
     * differ), or absent.
     *
     * <p>{@code mysql.database} with every argument in the record's order.
     *
     * @param database e.g. {@code new MysqlDatabase("app", true, "utf8mb4", null, null, null, null, null)}
     */
    public MysqlDatabaseCall database(MysqlDatabase database) {
        return PrepareContext.register(database, MysqlDatabaseCall::new);
    }

    /**
     * An account user@host holds exactly these privileges on database.table (* for all): missing ones are granted,
     * others at that level revoked; none given revokes them all. Name privileges one by one (not ALL); in database
     * names, _ and % match as in GRANT.
     *
     * <p>{@code mysql.privileges}: {@code user@host} holds exactly these privileges on {@code database.table}
     * ({@code .database(..)}, {@code .table(..)}; both * by default).
     *
     * @param user the account's user name
     * @param host the account's host
     * @param privileges e.g. SELECT, INSERT
     */
    public MysqlPrivilegesCall privileges(String user, String host, String... privileges) {
        return PrepareContext.register(MysqlPrivilegesCall::new)
                .user(user)
                .host(host)
                .privileges(List.of(privileges));
    }

    /**
     * An account user@host holds exactly these privileges on database.table (* for all): missing ones are granted,
     * others at that level revoked; none given revokes them all. Name privileges one by one (not ALL); in database
     * names, _ and % match as in GRANT.
     *
     * <p>{@code mysql.privileges} with every argument in the record's order.
     *
     * @param privileges e.g. {@code new MysqlPrivileges("app", "localhost", List.of("SELECT"), "app", "*", null,
     *     null, null, null)}
     */
    public MysqlPrivilegesCall privileges(MysqlPrivileges privileges) {
        return PrepareContext.register(privileges, MysqlPrivilegesCall::new);
    }
}
