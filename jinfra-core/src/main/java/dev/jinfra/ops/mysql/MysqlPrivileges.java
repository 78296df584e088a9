package dev.jinfra.ops.mysql;

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
 * {@code mysql.privileges}: an account holds exactly the given privileges on {@code database.table}: those missing
 * are granted, others held at that level revoked. Privileges are named one by one, since ALL stands for different
 * sets on different servers and could never be compared.
 */
@Doc(
        name = "mysql.privileges",
        value = "An account user@host holds exactly these privileges on database.table (* for all): missing ones are"
                + " granted, others at that level revoked; none given revokes them all. Name privileges one by one"
                + " (not ALL); in database names, _ and % match as in GRANT.",
        example = "mysql.privileges(\"app\", \"localhost\", \"SELECT\", \"INSERT\").arg(\"database\", \"app\").sudo();")
public record MysqlPrivileges(
        @Arg(value = "the account's user name", required = true)
        String user,

        @Arg(value = "the account's host", defaultValue = "localhost")
        String host,

        @Arg("the privileges, e.g. SELECT, INSERT, CREATE TEMPORARY TABLES")
        List<String> privileges,

        @Arg(value = "the database, or * for all", defaultValue = "*")
        String database,

        @Arg(value = "the table, or * for all", defaultValue = "*")
        String table,

        @Arg("log in as this user; by default as the OS user the command runs as")
        String mysqlUser,

        @Arg("the password of mysqlUser (sent in MYSQL_PWD on standard input)")
        Secret mysqlPassword,

        @Arg("the server's host, or its socket file when it starts with /; by default the local socket")
        String mysqlHost,

        @Arg("the server's port") Integer mysqlPort)
        implements Operation {

    public MysqlPrivileges {
        if (user == null || host == null || database == null || table == null) {
            throw new IllegalArgumentException("mysql.privileges: user, host, database and table must be given");
        }
        if (database.equals("*") && !table.equals("*")) {
            throw new IllegalArgumentException("mysql.privileges: a table needs its database, not *");
        }
        List<String> named = new ArrayList<>();
        for (String p : privileges) {
            String privilege = p.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
            if (privilege.equals("ALL") || privilege.equals("ALL PRIVILEGES") || privilege.equals("GRANT OPTION")) {
                throw new IllegalArgumentException(
                        "mysql.privileges: name the privileges one by one, not " + privilege);
            }
            if (!privilege.matches("[A-Z]+( [A-Z]+)*")) {
                throw new IllegalArgumentException("mysql.privileges: not a privilege: '" + p + "'");
            }
            if (!named.contains(privilege)) {
                named.add(privilege);
            }
        }
        privileges = List.copyOf(named);
        MySql.account(user, host);
        MySql.identifier(database);
        MySql.identifier(table);
        new MysqlClient(mysqlUser, mysqlPassword, mysqlHost, mysqlPort);
    }

    @Override
    public String describe() {
        return "MySQL privileges: " + (privileges.isEmpty() ? "none" : String.join(", ", privileges)) + " on "
                + database + "." + table + " for " + user + "@" + host;
    }

    @Override
    public Plan plan(FactSource facts) {
        List<String> held = facts.get(new MysqlUserGrants(user, host, mysqlUser, mysqlPassword, mysqlHost, mysqlPort))
                .getOrDefault(MysqlUserGrants.level(database, table), List.of());
        List<String> grant = privileges.stream().filter(p -> !held.contains(p)).toList();
        List<String> revoke = held.stream().filter(p -> !privileges.contains(p)).toList();
        if (grant.isEmpty() && revoke.isEmpty()) {
            return Plan.noChange(user + "@" + host + " holds exactly "
                    + (privileges.isEmpty() ? "nothing" : String.join(", ", privileges)) + " on " + database + "."
                    + table);
        }
        String on = " ON " + (database.equals("*") ? "*" : MySql.identifier(database)) + "."
                + (table.equals("*") ? "*" : MySql.identifier(table));
        String account = MySql.account(user, host);
        List<MySql.Statement> sql = new ArrayList<>();
        if (!revoke.isEmpty()) {
            sql.add(MySql.Statement.plain("REVOKE " + String.join(", ", revoke) + on + " FROM " + account));
        }
        if (!grant.isEmpty()) {
            sql.add(MySql.Statement.plain("GRANT " + String.join(", ", grant) + on + " TO " + account));
        }
        return Plan.run(new MysqlClient(mysqlUser, mysqlPassword, mysqlHost, mysqlPort).script(sql));
    }
}
