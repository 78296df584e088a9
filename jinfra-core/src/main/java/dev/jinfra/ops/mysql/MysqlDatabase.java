package dev.jinfra.ops.mysql;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Secret;
import java.util.List;
import java.util.Locale;

/** {@code mysql.database}: a database with a default character set and collation, or none. */
@Doc(
        name = "mysql.database",
        value = "A MySQL/MariaDB database with a default character set and collation (changed with ALTER DATABASE"
                + " when they differ), or absent.",
        example = "mysql.database(\"app\").arg(\"charset\", \"utf8mb4\").sudo();")
public record MysqlDatabase(
        @Arg(value = "the database's name", required = true) String name,

        @Arg(value = "whether the database should exist", defaultValue = "true")
        boolean present,

        @Arg("its default character set, e.g. utf8mb4; by default the server's")
        String charset,

        @Arg("its default collation, e.g. utf8mb4_unicode_ci; by default the character set's")
        String collation,

        @Arg("log in as this user; by default as the OS user the command runs as")
        String mysqlUser,

        @Arg("the password of mysqlUser (sent in MYSQL_PWD on standard input)")
        Secret mysqlPassword,

        @Arg("the server's host, or its socket file when it starts with /; by default the local socket")
        String mysqlHost,

        @Arg("the server's port") Integer mysqlPort)
        implements Operation {

    public MysqlDatabase {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("mysql.database: name must not be empty");
        }
        for (String word : new String[] {charset, collation}) {
            if (word != null && !word.matches("[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException(
                        "mysql.database: charset and collation are names such as utf8mb4, not '" + word + "'");
            }
        }
        MySql.identifier(name);
        new MysqlClient(mysqlUser, mysqlPassword, mysqlHost, mysqlPort);
    }

    @Override
    public String describe() {
        return (present ? "MySQL database: " : "Remove MySQL database: ") + name;
    }

    @Override
    public Plan plan(FactSource facts) {
        MysqlDatabases.Database now = facts.get(new MysqlDatabases(mysqlUser, mysqlPassword, mysqlHost, mysqlPort))
                .get(name);
        MysqlClient client = new MysqlClient(mysqlUser, mysqlPassword, mysqlHost, mysqlPort);
        String database = MySql.identifier(name);
        if (!present) {
            return now == null
                    ? Plan.noChange("database " + name + " does not exist")
                    : Plan.run(client.script(List.of(MySql.Statement.plain("DROP DATABASE " + database))));
        }
        String options = (charset == null ? "" : " CHARACTER SET " + charset)
                + (collation == null ? "" : " COLLATE " + collation);
        if (now == null) {
            return Plan.run(client.script(List.of(MySql.Statement.plain("CREATE DATABASE " + database + options))));
        }
        boolean differs = charset != null && !sameCharset(charset, now.charset())
                || collation != null && !sameCharset(collation, now.collation());
        if (differs) {
            return Plan.run(client.script(List.of(MySql.Statement.plain("ALTER DATABASE " + database + options))));
        }
        return Plan.noChange("database " + name + " exists as wanted");
    }

    /** Case aside, and utf8 is what MariaDB and MySQL now call utf8mb3. */
    private static boolean sameCharset(String wanted, String now) {
        return normal(wanted).equals(normal(now));
    }

    private static String normal(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("utf8") || lower.startsWith("utf8_") ? lower.replaceFirst("^utf8", "utf8mb3") : lower;
    }
}
