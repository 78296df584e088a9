package dev.jinfra.ops.docker;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every tagged image, {@code repository:tag} to image id, from {@code docker image ls}; empty without the CLI. */
@Doc(value = "Tagged images, repository:tag to image id (docker or podman image ls); empty without the CLI.")
public record DockerImages(
        @Arg(value = "the container CLI: docker or podman", defaultValue = "docker")
        String cli) implements Fact<Map<String, String>> {

    public DockerImages {
        cli = DockerCli.cli("DockerImages", cli);
    }

    @Override
    public Command command() {
        return Command.of(cli, "image", "ls", "--no-trunc", "--format", "{{.Repository}}:{{.Tag}}\t{{.ID}}");
    }

    @Override
    public Map<String, String> parse(String stdout) {
        Map<String, String> images = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            String[] f = DockerCli.fields(line, 2);
            // Dangling images have no name: "<none>:<none>".
            if (f != null && !f[0].contains("<none>")) {
                images.put(f[0].strip(), f[1].strip());
            }
        }
        return images;
    }

    @Override
    public Map<String, String> absent() {
        return Map.of();
    }
}
