package dev.jinfra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A MariaDB server of the test's own: mariadb-install-db in a temporary directory, then mariadbd on a Unix socket
 * there, without networking. root logs in through the socket as the OS user root (unix_socket), as on Debian.
 * {@link #close()} stops exactly the process it started.
 */
public final class MariadbServer implements AutoCloseable {
    private final Path dir;
    private Process mariadbd;

    private MariadbServer(Path dir) {
        this.dir = dir;
    }

    public static MariadbServer start() {
        LocalProcesses.required("/usr/sbin/mariadbd", "mariadb-server");
        Path dir = null;
        MariadbServer server = null;
        try {
            dir = Files.createTempDirectory("jinfra-mariadb-");
            server = new MariadbServer(dir);
            server.begin();
            return server;
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.close();
            } else {
                LocalProcesses.delete(dir);
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private void begin() throws IOException {
        LocalProcesses.check(
                null,
                "mariadb-install-db",
                "--no-defaults",
                "--datadir=" + dir.resolve("data"),
                "--user=root",
                "--auth-root-authentication-method=socket",
                "--skip-test-db");
        mariadbd = new ProcessBuilder(
                        "/usr/sbin/mariadbd",
                        "--no-defaults",
                        "--datadir=" + dir.resolve("data"),
                        "--socket=" + socket(),
                        "--skip-networking",
                        "--user=root",
                        "--pid-file=" + dir.resolve("pid"),
                        "--innodb-flush-log-at-trx-commit=0")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (LocalProcesses.run(Duration.ofSeconds(10), null, "mysql", "--socket=" + socket(), "--execute=SELECT 1")
                        .exit()
                != 0) {
            if (!mariadbd.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "mariadbd did not start: " + Files.readString(dir.resolve("server.log")));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** The server's socket file. */
    public Path socket() {
        return dir.resolve("sock");
    }

    /** The rows of one query, tab-separated, through the socket as root. */
    public String query(String sql) {
        return LocalProcesses.check(
                        null, "mysql", "--batch", "--skip-column-names", "--socket=" + socket(), "--execute=" + sql)
                .strip();
    }

    @Override
    public void close() {
        if (mariadbd != null) {
            LocalProcesses.stop(mariadbd.pid(), Duration.ofSeconds(20));
        }
        LocalProcesses.delete(dir);
    }
}
