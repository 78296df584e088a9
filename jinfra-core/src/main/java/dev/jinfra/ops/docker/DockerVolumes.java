package dev.jinfra.ops.docker;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every volume by name with its driver, from {@code docker volume ls}; empty without the CLI. */
@Doc(value = "Volumes by name with their driver (docker or podman volume ls); empty without the CLI.")
public record DockerVolumes(
        @Arg(value = "the container CLI: docker or podman", defaultValue = "docker")
        String cli) implements Fact<Map<String, String>> {

    public DockerVolumes {
        cli = DockerCli.cli("DockerVolumes", cli);
    }

    @Override
    public Command command() {
        return Command.of(cli, "volume", "ls", "--format", "{{.Name}}\t{{.Driver}}");
    }

    @Override
    public Map<String, String> parse(String stdout) {
        Map<String, String> volumes = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            String[] f = DockerCli.fields(line, 2);
            if (f != null) {
                volumes.put(f[0].strip(), f[1].strip());
            }
        }
        return volumes;
    }

    @Override
    public Map<String, String> absent() {
        return Map.of();
    }
}
