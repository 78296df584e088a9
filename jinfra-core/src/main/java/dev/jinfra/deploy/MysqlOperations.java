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
     * {@code mysql.user}: the account {@code user@host}; {@code .arg("password", ..)} gives it a password,
     * {@code .absent()} drops it.
     *
     * @param user the account's user name
     * @param host the host it may connect from (% for any)
     */
    public OperationCall user(String user, String host) {
        return PrepareContext.register(MysqlUser.class).arg("user", user).arg("host", host);
    }

    /**
     * {@code mysql.user} with every argument in the record's order.
     *
     * @param user e.g. {@code new MysqlUser("app", "localhost", true, null, null, null, null, null)}
     */
    public OperationCall user(MysqlUser user) {
        return PrepareContext.register(user);
    }

    /**
     * {@code mysql.database}: a database; {@code .arg("charset", ..)} and {@code .arg("collation", ..)} set its
     * defaults, {@code .absent()} drops it.
     *
     * @param name the database's name
     */
    public OperationCall database(String name) {
        return PrepareContext.register(MysqlDatabase.class).arg("name", name);
    }

    /**
     * {@code mysql.database} with every argument in the record's order.
     *
     * @param database e.g. {@code new MysqlDatabase("app", true, "utf8mb4", null, null, null, null, null)}
     */
    public OperationCall database(MysqlDatabase database) {
        return PrepareContext.register(database);
    }

    /**
     * {@code mysql.privileges}: {@code user@host} holds exactly these privileges on {@code database.table}
     * ({@code .arg("database", ..)}, {@code .arg("table", ..)}; both * by default).
     *
     * @param user the account's user name
     * @param host the account's host
     * @param privileges e.g. SELECT, INSERT
     */
    public OperationCall privileges(String user, String host, String... privileges) {
        return PrepareContext.register(MysqlPrivileges.class)
                .arg("user", user)
                .arg("host", host)
                .arg("privileges", List.of(privileges));
    }

    /**
     * {@code mysql.privileges} with every argument in the record's order.
     *
     * @param privileges e.g. {@code new MysqlPrivileges("app", "localhost", List.of("SELECT"), "app", "*", null,
     *     null, null, null)}
     */
    public OperationCall privileges(MysqlPrivileges privileges) {
        return PrepareContext.register(privileges);
    }
}
