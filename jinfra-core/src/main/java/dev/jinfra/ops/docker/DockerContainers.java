package dev.jinfra.ops.docker;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every container, running or not, by name, from {@code docker container ls -a} with a tab-separated format; empty
 * without the CLI or when its daemon does not answer.
 */
@Doc(
        value = "Containers by name (docker or podman container ls -a): id, image and whether each is running; empty "
                + "without the CLI.")
public record DockerContainers(
        @Arg(value = "the container CLI: docker or podman", defaultValue = "docker")
        String cli) implements Fact<Map<String, DockerContainers.Container>> {

    /** @param state as the CLI says it, lower case: running, exited, created (Podman 4: "up 3 minutes") */
    public record Container(String id, String image, String state, boolean running) {}

    public DockerContainers {
        cli = DockerCli.cli("DockerContainers", cli);
    }

    @Override
    public Command command() {
        return Command.of(
                cli,
                "container",
                "ls",
                "--all",
                "--no-trunc",
                "--format",
                "{{.Names}}\t{{.ID}}\t{{.Image}}\t{{.State}}");
    }

    @Override
    public Map<String, Container> parse(String stdout) {
        Map<String, Container> containers = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            String[] f = DockerCli.fields(line, 4);
            if (f == null) {
                continue;
            }
            String state = f[3].strip().toLowerCase(Locale.ROOT);
            // Docker says "running"; Podman 4 prints its status there ("Up 5 seconds").
            boolean running = state.equals("running") || state.startsWith("up ") || state.equals("up");
            // A container with several names (links, on old Docker) is listed once under each.
            for (String name : f[0].split(",")) {
                containers.put(name.strip(), new Container(f[1], f[2], state, running));
            }
        }
        return containers;
    }

    @Override
    public Map<String, Container> absent() {
        return Map.of();
    }
}
