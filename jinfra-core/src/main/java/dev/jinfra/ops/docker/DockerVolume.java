package dev.jinfra.ops.docker;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;

/** {@code docker.volume}: a named volume exists or not. */
@Doc(
        name = "docker.volume",
        value = "A named volume exists (docker volume create) or not (docker volume rm, which refuses while a "
                + "container uses it).",
        example = "docker.volume(\"pgdata\").sudo();")
public record DockerVolume(
        @Arg(value = "the volume's name", required = true) String name,

        @Arg(value = "whether the volume should exist", defaultValue = "true")
        boolean present,

        @Arg(value = "the container CLI: docker or podman", defaultValue = "docker")
        String cli)
        implements Operation {

    public DockerVolume {
        DockerCli.name("docker.volume", "volume", name);
        cli = DockerCli.cli("docker.volume", cli);
    }

    @Override
    public String describe() {
        return (present ? "Volume: " : "Remove volume: ") + name;
    }

    @Override
    public Plan plan(FactSource facts) {
        boolean there = facts.get(new DockerVolumes(cli)).containsKey(name);
        if (there == present) {
            return Plan.noChange("volume " + name + (present ? " exists" : " does not exist"));
        }
        return Plan.run(Command.of(cli, "volume", present ? "create" : "rm", name));
    }
}
