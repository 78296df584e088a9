package dev.jinfra.ops.mysql;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import dev.jinfra.command.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The server's databases by name, from {@code information_schema.SCHEMATA}: default character set and collation. */
@Doc("MySQL/MariaDB databases by name: default character set and collation.")
public record MysqlDatabases(
        @Arg("log in as this user; by default as the OS user the command runs as")
        String mysqlUser,

        @Arg("the password of mysqlUser (sent in MYSQL_PWD on standard input)")
        Secret mysqlPassword,

        @Arg("the server's host, or its socket file when it starts with /; by default the local socket")
        String mysqlHost,

        @Arg("the server's port") Integer mysqlPort)
        implements Fact<Map<String, MysqlDatabases.Database>> {

    public record Database(String charset, String collation) {}

    public MysqlDatabases {
        new MysqlClient(mysqlUser, mysqlPassword, mysqlHost, mysqlPort);
    }

    @Override
    public Command command() {
        return new MysqlClient(mysqlUser, mysqlPassword, mysqlHost, mysqlPort)
                .query("SELECT SCHEMA_NAME, DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME"
                        + " FROM information_schema.SCHEMATA");
    }

    @Override
    public Map<String, Database> parse(String stdout) {
        Map<String, Database> databases = new LinkedHashMap<>();
        for (List<String> row : MysqlClient.rows(stdout)) {
            if (row.size() == 3) {
                databases.put(row.get(0), new Database(row.get(1), row.get(2)));
            }
        }
        return databases;
    }

    @Override
    public Map<String, Database> absent() {
        return Map.of();
    }
}
