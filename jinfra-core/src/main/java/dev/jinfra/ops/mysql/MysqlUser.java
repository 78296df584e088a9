package dev.jinfra.ops.mysql;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Secret;
import java.util.List;

/**
 * {@code mysql.user}: an account {@code user@host} (with a password), or none. The password is compared here with
 * the server's {@code mysql_native_password} hash (MariaDB's default); an account with another plugin gets the
 * password set on every run. It goes to the server on the client's standard input, never on a command line.
 */
@Doc(
        name = "mysql.user",
        value = "A MySQL/MariaDB account user@host with a password, or absent. The password is compared here with the"
                + " server's mysql_native_password hash (another plugin: set on every run) and sent only on the"
                + " client's standard input; it is never on a command line or shown.",
        example = "mysql.user(\"app\", \"localhost\").arg(\"password\", host.data(\"db_password\")).sudo();")
public record MysqlUser(
        @Arg(value = "the account's user name", required = true)
        String user,

        @Arg(value = "the host it may connect from (% for any)", defaultValue = "localhost")
        String host,

        @Arg(value = "whether the account should exist", defaultValue = "true")
        boolean present,

        @Arg("its password (a Secret or text); none given: left as it is, or none when created")
        Secret password,

        @Arg("log in as this user; by default as the OS user the command runs as")
        String mysqlUser,

        @Arg("the password of mysqlUser (sent in MYSQL_PWD on standard input)")
        Secret mysqlPassword,

        @Arg("the server's host, or its socket file when it starts with /; by default the local socket")
        String mysqlHost,

        @Arg("the server's port") Integer mysqlPort)
        implements Operation {

    public MysqlUser {
        if (user == null || host == null) {
            throw new IllegalArgumentException("mysql.user: user and host must be given");
        }
        MySql.account(user, host);
        new MysqlClient(mysqlUser, mysqlPassword, mysqlHost, mysqlPort);
    }

    @Override
    public String describe() {
        return (present ? "MySQL user: " : "Remove MySQL user: ") + user + "@" + host;
    }

    @Override
    public Plan plan(FactSource facts) {
        MysqlUsers.Account now = facts.get(new MysqlUsers(mysqlUser, mysqlPassword, mysqlHost, mysqlPort)).stream()
                .filter(a -> a.user().equals(user) && a.host().equalsIgnoreCase(host))
                .findFirst()
                .orElse(null);
        MysqlClient client = new MysqlClient(mysqlUser, mysqlPassword, mysqlHost, mysqlPort);
        String account = MySql.account(user, host);
        if (!present) {
            return now == null
                    ? Plan.noChange("user " + user + "@" + host + " does not exist")
                    : Plan.run(client.script(List.of(MySql.Statement.plain("DROP USER " + account))));
        }
        if (now == null) {
            return Plan.run(client.script(List.of(
                    password == null
                            ? MySql.Statement.plain("CREATE USER " + account)
                            : MySql.Statement.withSecret("CREATE USER " + account + " IDENTIFIED BY ", password, ""))));
        }
        if (password != null && !NativePassword.matches(now, password.reveal())) {
            return Plan.run(client.script(
                    List.of(MySql.Statement.withSecret("ALTER USER " + account + " IDENTIFIED BY ", password, ""))));
        }
        return Plan.noChange("user " + user + "@" + host + " exists as wanted");
    }
}
