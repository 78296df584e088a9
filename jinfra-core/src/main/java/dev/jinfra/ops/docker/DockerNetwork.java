package dev.jinfra.ops.docker;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code docker.network}: a named network exists (with the driver given) or not. */
@Doc(
        name = "docker.network",
        value = "A named network exists (docker network create, with a driver if given) or not (docker network rm). "
                + "An existing network is kept as it is.",
        example = "docker.network(\"backend\").sudo();")
public record DockerNetwork(
        @Arg(value = "the network's name", required = true) String name,

        @Arg("the driver to make it with, e.g. bridge; not given: the CLI's default")
        String driver,

        @Arg(value = "whether the network should exist", defaultValue = "true")
        boolean present,

        @Arg(value = "the container CLI: docker or podman", defaultValue = "docker")
        String cli)
        implements Operation {

    private static final Pattern DRIVER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_./:-]*");

    public DockerNetwork {
        DockerCli.name("docker.network", "network", name);
        if (driver != null && !DRIVER.matcher(driver).matches()) {
            throw new IllegalArgumentException("docker.network: '" + driver + "' is not a driver name");
        }
        cli = DockerCli.cli("docker.network", cli);
    }

    @Override
    public String describe() {
        return (present ? "Network: " : "Remove network: ") + name;
    }

    @Override
    public Plan plan(FactSource facts) {
        boolean there = facts.get(new DockerNetworks(cli)).containsKey(name);
        if (there == present) {
            return Plan.noChange("network " + name + (present ? " exists" : " does not exist"));
        }
        if (!present) {
            return Plan.run(Command.of(cli, "network", "rm", name));
        }
        List<String> words = new ArrayList<>(List.of(cli, "network", "create"));
        if (driver != null) {
            words.addAll(List.of("--driver", driver));
        }
        words.add(name);
        return Plan.run(Command.of(words));
    }
}
