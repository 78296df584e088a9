package dev.jinfra.ops.docker;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every network by name with its id and driver, from {@code docker network ls}; empty without the CLI. */
@Doc(value = "Networks by name with id and driver (docker or podman network ls); empty without the CLI.")
public record DockerNetworks(
        @Arg(value = "the container CLI: docker or podman", defaultValue = "docker")
        String cli) implements Fact<Map<String, DockerNetworks.Network>> {

    public record Network(String id, String driver) {}

    public DockerNetworks {
        cli = DockerCli.cli("DockerNetworks", cli);
    }

    @Override
    public Command command() {
        return Command.of(cli, "network", "ls", "--no-trunc", "--format", "{{.Name}}\t{{.ID}}\t{{.Driver}}");
    }

    @Override
    public Map<String, Network> parse(String stdout) {
        Map<String, Network> networks = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            String[] f = DockerCli.fields(line, 3);
            if (f != null) {
                networks.put(f[0].strip(), new Network(f[1].strip(), f[2].strip()));
            }
        }
        return networks;
    }

    @Override
    public Map<String, Network> absent() {
        return Map.of();
    }
}
