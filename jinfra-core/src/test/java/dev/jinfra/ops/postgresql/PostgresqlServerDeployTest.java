package dev.jinfra.ops.postgresql;

import static dev.jinfra.deploy.Operations.postgresql;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.deploy.Deploy;
import dev.jinfra.deploy.OperationCall;
import dev.jinfra.engine.deploy.DeployHostState;
import dev.jinfra.engine.deploy.DeployListener;
import dev.jinfra.engine.deploy.DeployResult;
import dev.jinfra.engine.deploy.DeployRunner;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testing.LocalProcesses;
import dev.jinfra.testing.PostgresServer;
import dev.jinfra.testing.SshConnectorExtension;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The postgresql operations against a real PostgreSQL 15 server this test starts, over the in-process SSH fleet
 * (whose commands run on this machine): the first run makes the roles, database and privileges, the second
 * changes nothing, and no password is ever on a command line while they run.
 */
class PostgresqlServerDeployTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(1);

    @RegisterExtension
    static SshConnectorExtension sshExtension = new SshConnectorExtension();

    static final String SUPERUSER_PASSWORD = "super-" + Long.toHexString(System.nanoTime());
    static final String APP_PASSWORD = "app pw 'with' \\ quotes ü " + Long.toHexString(System.nanoTime());
    static final String NASTY_ROLE = "o'hara \"the\" \\ reporter ü";
    static final String DATABASE = "shop db";

    static PostgresServer server;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start(SUPERUSER_PASSWORD);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** As the superuser over TCP with its password: the password goes the way a remote server's would. */
    static OperationCall overTcp(OperationCall call) {
        return call.arg("psqlUser", "postgres")
                .arg("psqlPassword", SUPERUSER_PASSWORD)
                .arg("psqlHost", "127.0.0.1")
                .arg("psqlPort", server.port());
    }

    static DeployResult run(Deploy deploy) {
        return new DeployRunner(h -> sshExtension.connector())
                .run(
                        FleetHosts.all(fleetExtension.fleet(), Map.of()),
                        List.of(deploy),
                        DeployRunner.Options.builder().build(),
                        new DeployListener() {});
    }

    /** Runs the deploy while watching every command line on this machine for the passwords. */
    static DeployResult runWatched(Deploy deploy, List<String> seen) {
        var run = CompletableFuture.supplyAsync(() -> run(deploy));
        while (!run.isDone()) {
            seen.addAll(LocalProcesses.commandLinesWith(SUPERUSER_PASSWORD));
            seen.addAll(LocalProcesses.commandLinesWith(APP_PASSWORD));
        }
        return run.join();
    }

    static final Deploy ROLES_DATABASE_PRIVILEGES = host -> {
        overTcp(postgresql
                .role("app")
                .arg("password", APP_PASSWORD)
                .arg("createdb", true)
                .arg("connectionLimit", 5));
        // By the socket as the superuser (trusted there), as a local login through sudo -u postgres would be.
        postgresql
                .role(NASTY_ROLE)
                .arg("login", false)
                .arg("psqlUser", "postgres")
                .arg("psqlHost", server.socketDirectory().toString())
                .arg("psqlPort", server.port());
        overTcp(postgresql.database(DATABASE).owner("app").arg("encoding", "UTF8"));
        overTcp(postgresql.privileges(NASTY_ROLE, "database", DATABASE, "CONNECT", "TEMPORARY"));
        overTcp(postgresql.privileges(NASTY_ROLE, "schema", "public", "USAGE").arg("database", DATABASE));
        overTcp(postgresql.role("gone").absent());
    };

    @Test
    void aFirstRunMakesRolesDatabaseAndPrivilegesAndASecondChangesNothing() {
        server.query("postgres", "CREATE ROLE gone");
        List<String> seen = new ArrayList<>();
        DeployResult first = runWatched(ROLES_DATABASE_PRIVILEGES, seen);
        assertThat(first.hostStates().values()).as(first.outcomes().toString()).containsOnly(DeployHostState.CHANGED);
        assertThat(first.outcomes())
                .allSatisfy(o -> assertThat(o.status().name()).isEqualTo("CHANGED"));

        assertThat(server.query(
                        "postgres",
                        "SELECT rolcanlogin, rolcreatedb, rolsuper, rolconnlimit FROM pg_roles"
                                + " WHERE rolname = 'app'"))
                .isEqualTo("t|t|f|5");
        assertThat(server.query(
                        "postgres", "SELECT rolcanlogin FROM pg_roles WHERE rolname = " + PgSql.literal(NASTY_ROLE)))
                .isEqualTo("f");
        assertThat(server.query("postgres", "SELECT count(*) FROM pg_roles WHERE rolname = 'gone'"))
                .isEqualTo("0");
        assertThat(server.query(
                        "postgres",
                        "SELECT pg_get_userbyid(datdba), pg_encoding_to_char(encoding)"
                                + " FROM pg_database WHERE datname = " + PgSql.literal(DATABASE)))
                .isEqualTo("app|UTF8");
        String role = PgSql.literal(NASTY_ROLE);
        assertThat(server.query(
                        "postgres",
                        "SELECT has_database_privilege(" + role + ", " + PgSql.literal(DATABASE) + ", 'CONNECT')"))
                .isEqualTo("t");
        assertThat(server.query(DATABASE, "SELECT has_schema_privilege(" + role + ", 'public', 'USAGE')"))
                .isEqualTo("t");
        // The password works: app logs in over TCP with it.
        assertThat(LocalProcesses.run(
                                java.time.Duration.ofSeconds(20),
                                null,
                                "env",
                                "PGPASSWORD=" + APP_PASSWORD,
                                PostgresServer.BIN + "/psql",
                                "--no-psqlrc",
                                "--no-password",
                                "--host=127.0.0.1",
                                "--port=" + server.port(),
                                "--username=app",
                                "--dbname=postgres",
                                "--tuples-only",
                                "--no-align",
                                "--command=SELECT current_user")
                        .output()
                        .strip())
                .isEqualTo("app");
        assertThat(first.outcomes().getFirst().commands().toString())
                .contains("PASSWORD '\\''****'\\''")
                .contains("PGPASSWORD='\\''****'\\''")
                .doesNotContain(APP_PASSWORD)
                .doesNotContain(SUPERUSER_PASSWORD)
                .doesNotContain("SCRAM-SHA-256$");

        DeployResult second = runWatched(ROLES_DATABASE_PRIVILEGES, seen);
        assertThat(second.hostStates().values())
                .as(second.outcomes().toString())
                .containsOnly(DeployHostState.UNCHANGED);
        assertThat(second.outcomes().getFirst().reason()).isEqualTo("role app exists as wanted");
        assertThat(seen).as("command lines that held a password").isEmpty();
    }

    @Test
    void aDumpWritesTheDatabaseToAFileAndALoadRunsItIntoAnother() throws Exception {
        server.query("postgres", "CREATE DATABASE dumped");
        server.query("postgres", "CREATE DATABASE loaded");
        server.query("dumped", "CREATE TABLE orders (id int); INSERT INTO orders VALUES (7)");
        Path file = server.scratch().resolve("dumped.sql");
        Deploy dumpAndLoad = host -> {
            overTcp(postgresql.dump("dumped", file.toString()));
            overTcp(postgresql.load("loaded", file.toString()));
        };
        DeployResult r = run(dumpAndLoad);
        assertThat(r.hostStates().values()).as(r.outcomes().toString()).containsOnly(DeployHostState.CHANGED);
        assertThat(Files.readString(file)).contains("CREATE TABLE public.orders");
        assertThat(server.query("loaded", "SELECT id FROM orders")).isEqualTo("7");
    }

    @Test
    void nastyLiteralsAndIdentifiersComeBackFromTheServerAsTheyWere() {
        for (String text : List.of("it's", "a \\ b", "\\'", "ü ∑ 😀", "two\nlines", "\"quoted\"", "''", "")) {
            assertThat(server.query("postgres", "SELECT " + PgSql.literal(text)))
                    .isEqualTo(text);
            String table = text + " t";
            server.query("postgres", "CREATE TABLE " + PgSql.identifier(table) + " ()");
            assertThat(server.query(
                            "postgres",
                            "SELECT relname = " + PgSql.literal(table) + " FROM pg_class WHERE oid = "
                                    + PgSql.literal(PgSql.identifier(table)) + "::regclass"))
                    .isEqualTo("t");
            server.query("postgres", "DROP TABLE " + PgSql.identifier(table));
        }
    }
}
