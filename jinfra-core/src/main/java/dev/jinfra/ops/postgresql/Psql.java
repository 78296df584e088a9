package dev.jinfra.ops.postgresql;

import dev.jinfra.command.Command;
import dev.jinfra.command.Secret;
import java.util.ArrayList;
import java.util.List;

/**
 * How psql and pg_dump reach the server: through the local socket as the user the command runs as (sudo to
 * {@code postgres} for the usual peer login) unless a user, host or port is given, as pyinfra's {@code psql_*}
 * arguments do. The password travels in {@code PGPASSWORD} on standard input, never on the command line; psql never
 * prompts ({@code --no-password}), so a login that needs one fails at once instead of waiting.
 */
record Psql(String user, Secret password, String host, Integer port) {
    /** The database a connection uses when none is named: the one every cluster has, as createdb uses. */
    static final String MAINTENANCE_DATABASE = "postgres";

    Psql {
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("psqlPort must be a port from 1 to 65535, not " + port);
        }
        if (user != null && user.isEmpty() || host != null && host.isEmpty()) {
            throw new IllegalArgumentException("psqlUser and psqlHost must not be empty when given");
        }
    }

    /** psql, stopping at the first error, reading SQL from its input: {@code sql} with secrets masked when shown. */
    Command script(String database, List<PgSql.Statement> sql) {
        StringBuilder sent = new StringBuilder();
        StringBuilder shown = new StringBuilder();
        for (PgSql.Statement s : sql) {
            sent.append(s.sent()).append(";\n");
            shown.append(shown.isEmpty() ? "" : " ").append(s.shown()).append(';');
        }
        // An error's "LINE 1: ..." would quote a statement, password verifier and all, into the output.
        boolean secret = sql.stream().anyMatch(s -> !s.sent().equals(s.shown()));
        return program("psql", database, secret ? List.of("--set=VERBOSITY=terse") : List.of())
                .input(sent.toString(), shown.toString());
    }

    /** psql printing the result of one query (a fact's, which is never secret) as bare text. */
    Command query(String database, String sql) {
        return program("psql", database, List.of("--no-align", "--tuples-only", "--command=" + sql));
    }

    /** {@code program} (psql, pg_dump) with the connection's options, then {@code more}. */
    Command program(String program, String database, List<String> more) {
        List<String> words = new ArrayList<>(List.of(program, "--no-password"));
        if (program.equals("psql")) {
            words.addAll(List.of("--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1"));
        }
        if (user != null) {
            words.add("--username=" + user);
        }
        if (host != null) {
            words.add("--host=" + host);
        }
        if (port != null) {
            words.add("--port=" + port);
        }
        words.addAll(more);
        words.add("--dbname=" + dbname(database == null ? MAINTENANCE_DATABASE : database));
        Command c = Command.of(words);
        return password == null ? c : c.secretEnv("PGPASSWORD", password.reveal());
    }

    /**
     * A database name as libpq's dbname: a name with '=' or a URI's start would be read as a connection string, so
     * such a name is given as one ({@code dbname='...'}) instead.
     */
    static String dbname(String name) {
        return name.contains("=") || name.startsWith("postgresql://") || name.startsWith("postgres://")
                ? "dbname=" + conninfoValue(name)
                : name;
    }

    /** A value of a libpq connection string: in single quotes, with quotes and backslashes escaped. */
    static String conninfoValue(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
