package dev.jinfra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A PostgreSQL 15 server of the test's own: initdb in a temporary directory, then postgres on a Unix socket there
 * and a loopback port, run as the {@code postgres} OS user (postgres refuses root). Local socket logins are trusted;
 * TCP logins need the superuser's password (SCRAM). {@link #close()} stops exactly the process it started.
 */
public final class PostgresServer implements AutoCloseable {
    /** The newest PostgreSQL Debian's packages installed (15 on Debian 12), or 15's path to name when none is. */
    public static final String BIN = newestBin();

    private final Path dir;
    private final int port;
    private final String superuserPassword;
    private Process postgres;

    private PostgresServer(Path dir, int port, String superuserPassword) {
        this.dir = dir;
        this.port = port;
        this.superuserPassword = superuserPassword;
    }

    public static PostgresServer start(String superuserPassword) {
        LocalProcesses.required(BIN + "/postgres", "postgresql");
        Path dir = null;
        PostgresServer server = null;
        try {
            dir = Files.createTempDirectory("jinfra-pg-");
            server = new PostgresServer(dir, freePort(), superuserPassword);
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
        Files.writeString(dir.resolve("pw"), superuserPassword + "\n");
        LocalProcesses.check(null, "chown", "-R", "postgres:postgres", dir.toString());
        LocalProcesses.check(
                null,
                "setpriv",
                "--reuid=postgres",
                "--regid=postgres",
                "--init-groups",
                BIN + "/initdb",
                "--pgdata=" + dir.resolve("data"),
                "--username=postgres",
                "--pwfile=" + dir.resolve("pw"),
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync");
        Files.delete(dir.resolve("pw"));
        // setpriv executes postgres in its own process: the pid of this process is the server's.
        postgres = new ProcessBuilder(
                        "setpriv",
                        "--reuid=postgres",
                        "--regid=postgres",
                        "--init-groups",
                        BIN + "/postgres",
                        "-D",
                        dir.resolve("data").toString(),
                        "-k",
                        dir.toString(),
                        "-p",
                        String.valueOf(port),
                        "-c",
                        "listen_addresses=127.0.0.1",
                        "-c",
                        "fsync=off")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (LocalProcesses.run(
                                Duration.ofSeconds(10),
                                null,
                                BIN + "/pg_isready",
                                "--quiet",
                                "--host=" + dir,
                                "--port=" + port)
                        .exit()
                != 0) {
            if (!postgres.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "postgres did not start: " + Files.readString(dir.resolve("server.log")));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    public int port() {
        return port;
    }

    /** The directory of the server's Unix socket (psql's host for a socket login). */
    public Path socketDirectory() {
        return dir;
    }

    /** A scratch directory the server's OS user may read and write too. */
    public Path scratch() throws IOException {
        Path scratch = dir.resolve("scratch");
        if (!Files.exists(scratch)) {
            Files.createDirectory(scratch);
            LocalProcesses.check(null, "chown", "postgres:postgres", scratch.toString());
        }
        return scratch;
    }

    /** One query's result, unaligned and without headers, through the socket as the superuser. */
    public String query(String database, String sql) {
        return LocalProcesses.check(
                        null,
                        BIN + "/psql",
                        "--no-psqlrc",
                        "--no-align",
                        "--tuples-only",
                        "--set=ON_ERROR_STOP=1",
                        "--host=" + dir,
                        "--port=" + port,
                        "--username=postgres",
                        "--dbname=" + database,
                        "--command=" + sql)
                .strip();
    }

    @Override
    public void close() {
        if (postgres != null) {
            // SIGTERM: a smart shutdown, which no client of the test holds up.
            LocalProcesses.stop(postgres.pid(), Duration.ofSeconds(20));
        }
        LocalProcesses.delete(dir);
    }

    private static String newestBin() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/postgres")))
                    .max(java.util.Comparator.comparingInt(
                            v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin").toString())
                    .orElse("/usr/lib/postgresql/15/bin");
        } catch (IOException | NumberFormatException e) {
            return "/usr/lib/postgresql/15/bin";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
