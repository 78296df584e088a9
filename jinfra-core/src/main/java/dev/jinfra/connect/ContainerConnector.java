package dev.jinfra.connect;

import dev.jinfra.inventory.ConnectTarget;
import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Runs commands in a running container of Docker or Podman, through the engine's own command-line program ({@code
 * docker exec -i NAME sh -c …}), for {@code @docker/NAME} and {@code @podman/NAME} hosts. Nothing is started or
 * stopped: the container must be running, and a host whose container is not is unreachable. The two engines'
 * programs take the same words for everything used here.
 */
public final class ContainerConnector implements Connector {
    /** How long the engine may take to say whether the container runs. */
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

    private final ConnectTarget.Kind kind;
    private final String program;

    /** The connector for {@code kind}'s containers, through its program on the {@code PATH}. */
    public ContainerConnector(ConnectTarget.Kind kind) {
        this(kind, kind.word());
    }

    /** @param program the engine's command-line program: a name on the {@code PATH} or a path */
    public ContainerConnector(ConnectTarget.Kind kind, String program) {
        if (kind != ConnectTarget.Kind.DOCKER && kind != ConnectTarget.Kind.PODMAN) {
            throw new IllegalArgumentException("not a container engine: " + kind);
        }
        this.kind = kind;
        this.program = program;
    }

    @Override
    public Connection connect(Host host) throws UnreachableException {
        String name = host.target().where();
        String user = host.string(HostKeys.CONTAINER_USER, null);
        String engine = kind.word();
        if (!installed(program)) {
            throw new UnreachableException(
                    UnreachableException.Reason.NO_TARGET,
                    engine + " is not installed here (no "
                            + (program.contains("/") ? "program " + program : program + " on the PATH") + ")");
        }
        LocalProcess.Finished inspected;
        try {
            inspected = LocalProcess.call(
                    List.of(program, "container", "inspect", "--format", "{{.State.Running}}", name),
                    LocalProcess.Input.NONE,
                    CHECK_TIMEOUT);
        } catch (java.io.InterruptedIOException e) {
            throw ConnectErrors.interrupted();
        } catch (IOException e) {
            throw new UnreachableException(
                    UnreachableException.Reason.NO_TARGET,
                    "cannot ask " + engine + " about container " + name + ": " + e.getMessage(),
                    e);
        }
        String running = new String(inspected.stdout(), StandardCharsets.UTF_8).strip();
        if (inspected.exitCode() != 0) {
            // Podman begins its complaints with "Error: "; the line already says it is one.
            String said = inspected.firstErrorLine().replaceFirst("^(?i)error:\\s*", "");
            boolean missing = said.toLowerCase(Locale.ROOT).contains("no such");
            throw new UnreachableException(
                    UnreachableException.Reason.NO_TARGET,
                    missing
                            ? "no " + engine + " container named " + name
                            : engine + ": " + (said.isEmpty() ? "exit " + inspected.exitCode() : said));
        }
        if (!running.equals("true")) {
            throw new UnreachableException(
                    UnreachableException.Reason.NO_TARGET, engine + " container " + name + " is not running");
        }
        return new ContainerConnection(host, program, name, user);
    }

    /** Whether the program is there to run: a path that is executable, or a name found on the PATH. */
    private static boolean installed(String program) {
        if (program.contains("/")) {
            return Files.isExecutable(Path.of(program));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {}
}
