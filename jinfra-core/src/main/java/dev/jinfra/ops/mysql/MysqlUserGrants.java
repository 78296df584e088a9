package dev.jinfra.ops.mysql;

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
 * What one account may do, from {@code information_schema}'s privilege tables: {@code db.table} ({@code *.*} for
 * the whole server, {@code db.*} for a database) to its privileges, sorted. USAGE (no privilege) and the grant
 * option are left out.
 */
@Doc("An account's privileges by level (*.*, db.*, db.table) on MySQL/MariaDB.")
public record MysqlUserGrants(
        @Arg(value = "the account's user name", required = true)
        String user,

        @Arg(value = "the account's host", defaultValue = "localhost")
        String host,

        @Arg("log in as this user; by default as the OS user the command runs as")
        String mysqlUser,

        @Arg("the password of mysqlUser (sent in MYSQL_PWD on standard input)")
        Secret mysqlPassword,

        @Arg("the server's host, or its socket file when it starts with /; by default the local socket")
        String mysqlHost,

        @Arg("the server's port") Integer mysqlPort)
        implements Fact<Map<String, List<String>>> {

    public MysqlUserGrants {
        new MysqlClient(mysqlUser, mysqlPassword, mysqlHost, mysqlPort);
    }

    /** The key of a level: {@code *.*}, {@code db.*} or {@code db.table}, names as they are. */
    public static String level(String database, String table) {
        return database + "." + table;
    }

    @Override
    public Command command() {
        // The servers write GRANTEE as 'user'@'host' without escaping anything in it.
        String grantee = "CONCAT('''', " + MySql.literal(user) + ", '''@''', " + MySql.literal(host) + ", '''')";
        return new MysqlClient(mysqlUser, mysqlPassword, mysqlHost, mysqlPort)
                .query("SELECT '*', '*', PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = "
                        + grantee + " UNION ALL SELECT TABLE_SCHEMA, '*', PRIVILEGE_TYPE"
                        + " FROM information_schema.SCHEMA_PRIVILEGES WHERE GRANTEE = " + grantee
                        + " UNION ALL SELECT TABLE_SCHEMA, TABLE_NAME, PRIVILEGE_TYPE"
                        + " FROM information_schema.TABLE_PRIVILEGES WHERE GRANTEE = " + grantee);
    }

    @Override
    public Map<String, List<String>> parse(String stdout) {
        Map<String, List<String>> grants = new TreeMap<>();
        for (List<String> row : MysqlClient.rows(stdout)) {
            if (row.size() != 3 || row.get(2).equals("USAGE")) {
                continue;
            }
            List<String> privileges = grants.computeIfAbsent(level(row.get(0), row.get(1)), k -> new ArrayList<>());
            if (!privileges.contains(row.get(2))) {
                privileges.add(row.get(2));
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
