package dev.jinfra.ops.mysql;

import dev.jinfra.command.Command;
import dev.jinfra.command.Secret;
import java.util.ArrayList;
import java.util.List;

/**
 * How the mysql client reaches the server: through the local socket as the user the command runs as (root's
 * socket login on Debian's MariaDB) unless a user, host or port is given, as pyinfra's {@code mysql_*} arguments
 * do; a host that starts with {@code /} is a socket file. The password travels in {@code MYSQL_PWD} on standard
 * input, never on the command line.
 */
record MysqlClient(String user, Secret password, String host, Integer port) {
    /** Turns off the one SQL mode under which backslashes in the literals jinfra writes would mean something else. */
    static final String SESSION = "SET SESSION sql_mode = TRIM(BOTH ',' FROM"
            + " REPLACE(CONCAT(',', @@SESSION.sql_mode, ','), ',NO_BACKSLASH_ESCAPES,', ','))";

    MysqlClient {
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("mysqlPort must be a port from 1 to 65535, not " + port);
        }
        if (user != null && user.isEmpty() || host != null && host.isEmpty()) {
            throw new IllegalArgumentException("mysqlUser and mysqlHost must not be empty when given");
        }
    }

    /** mysql running {@code sql} from its input, stopping at the first error; secrets masked when shown. */
    Command script(List<MySql.Statement> sql) {
        StringBuilder sent = new StringBuilder(SESSION + ";\n");
        StringBuilder shown = new StringBuilder();
        for (MySql.Statement s : sql) {
            sent.append(s.sent()).append(";\n");
            shown.append(shown.isEmpty() ? "" : " ").append(s.shown()).append(';');
        }
        return command(List.of()).input(sent.toString(), shown.toString());
    }

    /** mysql printing the rows of one query (a fact's) tab-separated, without a header. */
    Command query(String sql) {
        return command(List.of("--execute=" + SESSION + "; " + sql));
    }

    private Command command(List<String> more) {
        List<String> words = new ArrayList<>(List.of("mysql", "--batch", "--skip-column-names"));
        if (user != null) {
            words.add("--user=" + user);
        }
        if (host != null) {
            words.add(host.startsWith("/") ? "--socket=" + host : "--host=" + host);
        }
        if (port != null) {
            words.add("--port=" + port);
        }
        words.addAll(more);
        Command c = Command.of(words);
        return password == null ? c : c.secretEnv("MYSQL_PWD", password.reveal());
    }

    /** The fields of each line the client printed in batch mode, its escapes ({@code \t \n \\ \0}) undone. */
    static List<List<String>> rows(String stdout) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            for (String field : line.split("\t", -1)) {
                fields.add(unescape(field));
            }
            rows.add(fields);
        }
        return rows;
    }

    private static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                out.append(
                        switch (next) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case '0' -> '\0';
                            default -> next;
                        });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
