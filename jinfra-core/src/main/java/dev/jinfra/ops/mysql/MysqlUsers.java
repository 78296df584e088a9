package dev.jinfra.ops.mysql;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import dev.jinfra.command.Secret;
import java.util.ArrayList;
import java.util.List;

/** The server's accounts, from {@code mysql.user}: user, host, authentication plugin and stored password hash. */
@Doc("MySQL/MariaDB accounts: user, host, authentication plugin and stored hash; never printed.")
public record MysqlUsers(
        @Arg("log in as this user; by default as the OS user the command runs as")
        String mysqlUser,

        @Arg("the password of mysqlUser (sent in MYSQL_PWD on standard input)")
        Secret mysqlPassword,

        @Arg("the server's host, or its socket file when it starts with /; by default the local socket")
        String mysqlHost,

        @Arg("the server's port") Integer mysqlPort)
        implements Fact<List<MysqlUsers.Account>> {

    public record Account(String user, String host, String plugin, String authenticationString) {}

    public MysqlUsers {
        new MysqlClient(mysqlUser, mysqlPassword, mysqlHost, mysqlPort);
    }

    @Override
    public Command command() {
        return new MysqlClient(mysqlUser, mysqlPassword, mysqlHost, mysqlPort)
                .query("SELECT User, Host, IFNULL(plugin, ''), IFNULL(authentication_string, '') FROM mysql.user");
    }

    @Override
    public List<Account> parse(String stdout) {
        List<Account> accounts = new ArrayList<>();
        for (List<String> row : MysqlClient.rows(stdout)) {
            if (row.size() == 4) {
                accounts.add(new Account(row.get(0), row.get(1), row.get(2), row.get(3)));
            }
        }
        return accounts;
    }

    @Override
    public List<Account> absent() {
        return List.of();
    }

    /** Password hashes can be attacked offline: run output says only that they were read. */
    @Override
    public boolean valueIsContent() {
        return true;
    }
}
