package dev.jinfra.ops.mysql;

import static dev.jinfra.deploy.Operations.mysql;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.deploy.Deploy;
import dev.jinfra.deploy.OperationCall;
import dev.jinfra.engine.deploy.DeployHostState;
import dev.jinfra.engine.deploy.DeployListener;
import dev.jinfra.engine.deploy.DeployResult;
import dev.jinfra.engine.deploy.DeployRunner;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testing.LocalProcesses;
import dev.jinfra.testing.MariadbServer;
import dev.jinfra.testing.SshConnectorExtension;
import dev.jinfra.testkit.SshFleetExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The mysql operations against a real MariaDB 10.11 server this test starts, over the in-process SSH fleet (whose
 * commands run on this machine, as root: MariaDB's socket login): the first run makes the users, databases and
 * grants, the second changes nothing, and no password is ever on a command line while they run.
 */
class MysqlServerDeployTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(1);

    @RegisterExtension
    static SshConnectorExtension sshExtension = new SshConnectorExtension();

    static final String ADMIN_PASSWORD = "admin-" + Long.toHexString(System.nanoTime());
    static final String APP_PASSWORD = "app pw 'with' \\ quotes ü " + Long.toHexString(System.nanoTime());
    static final String NASTY_USER = "we'ird \\ `user` ü";
    static final String DATABASE = "shop db";

    static MariadbServer server;

    @BeforeAll
    static void startServer() {
        server = MariadbServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** As root through the socket file: MariaDB's unix_socket login for the OS user root. */
    static OperationCall asRoot(OperationCall call) {
        return call.arg("mysqlHost", server.socket().toString());
    }

    /** As the admin account with its password: the password goes the way a remote server's would. */
    static OperationCall asAdmin(OperationCall call) {
        return asRoot(call).arg("mysqlUser", "admin").arg("mysqlPassword", ADMIN_PASSWORD);
    }

    static DeployResult runWatched(Deploy deploy, List<String> seen) {
        var run = CompletableFuture.supplyAsync(() -> new DeployRunner(h -> sshExtension.connector())
                .run(
                        FleetHosts.all(fleetExtension.fleet(), Map.of()),
                        List.of(deploy),
                        DeployRunner.Options.builder().build(),
                        new DeployListener() {}));
        while (!run.isDone()) {
            seen.addAll(LocalProcesses.commandLinesWith(ADMIN_PASSWORD));
            seen.addAll(LocalProcesses.commandLinesWith(APP_PASSWORD));
        }
        return run.join();
    }

    static final Deploy USERS_DATABASES_GRANTS = host -> {
        asRoot(mysql.user("admin", "localhost").arg("password", ADMIN_PASSWORD));
        asRoot(mysql.privileges("admin", "localhost", "CREATE", "ALTER", "SELECT", "INSERT"));
        asAdmin(mysql.database(DATABASE).arg("charset", "utf8mb4").arg("collation", "utf8mb4_unicode_ci"));
        asRoot(mysql.user(NASTY_USER, "%").arg("password", APP_PASSWORD));
        asRoot(mysql.privileges(NASTY_USER, "%", "SELECT", "UPDATE").arg("database", DATABASE));
        asRoot(mysql.privileges(NASTY_USER, "%", "DELETE")
                .arg("database", DATABASE)
                .arg("table", "orders"));
        asRoot(mysql.database("gone").absent());
    };

    @Test
    void aFirstRunMakesUsersDatabasesAndGrantsAndASecondChangesNothing() {
        String nasty = "'" + NASTY_USER.replace("\\", "\\\\").replace("'", "''") + "'@'%'";
        server.query("CREATE DATABASE gone; CREATE DATABASE `shop db` CHARACTER SET latin1;"
                + " CREATE TABLE `shop db`.orders (id int); CREATE USER " + nasty + ";"
                + " GRANT INSERT ON `shop db`.* TO " + nasty);
        List<String> seen = new ArrayList<>();
        DeployResult first = runWatched(USERS_DATABASES_GRANTS, seen);
        assertThat(first.hostStates().values()).as(first.outcomes().toString()).containsOnly(DeployHostState.CHANGED);
        assertThat(first.outcomes())
                .allSatisfy(o -> assertThat(o.status().name()).isEqualTo("CHANGED"));

        assertThat(server.query("SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM"
                        + " information_schema.SCHEMATA WHERE SCHEMA_NAME = 'shop db'"))
                .isEqualTo("utf8mb4\tutf8mb4_unicode_ci");
        assertThat(server.query("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'gone'"))
                .isEqualTo("0");
        String grantee = "'''" + NASTY_USER.replace("\\", "\\\\").replace("'", "''") + "''@''%'''";
        assertThat(server.query("SELECT PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES WHERE GRANTEE = "
                        + grantee + " ORDER BY PRIVILEGE_TYPE"))
                .isEqualTo("SELECT\nUPDATE");
        assertThat(server.query(
                        "SELECT PRIVILEGE_TYPE FROM information_schema.TABLE_PRIVILEGES WHERE GRANTEE = " + grantee))
                .isEqualTo("DELETE");
        assertThat(server.query("SELECT PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES WHERE GRANTEE ="
                        + " '''admin''@''localhost''' ORDER BY PRIVILEGE_TYPE"))
                .isEqualTo("ALTER\nCREATE\nINSERT\nSELECT");
        // The password works: the user logs in with it.
        assertThat(LocalProcesses.run(
                                java.time.Duration.ofSeconds(20),
                                null,
                                "env",
                                "MYSQL_PWD=" + APP_PASSWORD,
                                "mysql",
                                "--batch",
                                "--skip-column-names",
                                "--raw",
                                "--socket=" + server.socket(),
                                "--user=" + NASTY_USER,
                                "--execute=SELECT CURRENT_USER()")
                        .output()
                        .strip())
                .isEqualTo(NASTY_USER + "@%");
        assertThat(first.outcomes().getFirst().commands().toString())
                .contains("IDENTIFIED BY '\\''****'\\''")
                .doesNotContain(ADMIN_PASSWORD);

        DeployResult second = runWatched(USERS_DATABASES_GRANTS, seen);
        assertThat(second.hostStates().values())
                .as(second.outcomes().toString())
                .containsOnly(DeployHostState.UNCHANGED);
        assertThat(second.outcomes().getFirst().reason()).isEqualTo("user admin@localhost exists as wanted");
        assertThat(seen).as("command lines that held a password").isEmpty();
    }

    @Test
    void nastyLiteralsAndIdentifiersComeBackFromTheServerAsTheyWere() {
        for (String text : List.of("it's", "a \\ b", "\\'", "ü ∑", "back`quote", "\"quoted\"", "''")) {
            String sql = MysqlClient.SESSION + "; SELECT HEX(" + MySql.literal(text) + ") AS " + MySql.identifier(text);
            assertThat(server.query(sql))
                    .isEqualTo(java.util.HexFormat.of()
                            .withUpperCase()
                            .formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }
}
