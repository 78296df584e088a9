package dev.jinfra.ops.docker;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker.container}: a named container exists (made from an image with the options and command given) or
 * not, and is running or stopped. An existing container is kept as it is: its image or options are not compared.
 */
@Doc(
        name = "docker.container",
        value = "A named container exists or not, and runs or not (docker container run/create, start, stop, rm "
                + "--force). A missing one is made from image with options and command; an existing one is kept as "
                + "it is (remove it first to change its image or options). With cli=podman, Podman's CLI.",
        example = "docker.container(\"web\", \"nginx:1.27\").arg(\"options\", List.of(\"-p\", \"80:80\")).sudo();")
public record DockerContainer(
        @Arg(value = "the container's name", required = true)
        String name,

        @Arg("the image to make it from (needed to make it)")
        String image,

        @Arg("options for docker run/create, e.g. [\"-p\", \"80:80\", \"--restart\", \"always\"]")
        List<String> options,

        @Arg("the command and its arguments, after the image")
        List<String> command,

        @Arg("whether the container should run; not given leaves it as it is (a new one then runs)")
        Boolean running,

        @Arg(value = "whether the container should exist", defaultValue = "true")
        boolean present,

        @Arg(value = "the container CLI: docker or podman", defaultValue = "docker")
        String cli)
        implements Operation {

    public DockerContainer {
        DockerCli.name("docker.container", "container", name);
        if (image != null) {
            DockerCli.image("docker.container", image);
        }
        options = options == null ? List.of() : List.copyOf(options);
        command = command == null ? List.of() : List.copyOf(command);
        cli = DockerCli.cli("docker.container", cli);
        // Options are the user's words, each quoted as one; one that is not an option first would be read as the image.
        if (!options.isEmpty() && !options.getFirst().startsWith("-")) {
            throw new IllegalArgumentException(
                    "docker.container: options must start with an option, not '" + options.getFirst() + "'");
        }
    }

    @Override
    public String describe() {
        return (present ? "Container: " : "Remove container: ") + name;
    }

    @Override
    public Plan plan(FactSource facts) {
        DockerContainers.Container found = facts.get(new DockerContainers(cli)).get(name);
        if (!present) {
            return found == null
                    ? Plan.noChange("container " + name + " does not exist")
                    : Plan.run(Command.of(cli, "container", "rm", "--force", found.id()));
        }
        if (found == null) {
            if (image == null) {
                throw new IllegalArgumentException("docker.container: container " + name + " is missing and no image "
                        + "is given to make it from");
            }
            boolean start = running == null || running;
            List<String> words = new ArrayList<>(List.of(cli, "container", start ? "run" : "create"));
            if (start) {
                words.add("--detach");
            }
            words.addAll(List.of("--name", name));
            words.addAll(options);
            words.add(image);
            words.addAll(command);
            return Plan.run(Command.of(words));
        }
        if (running == null || running == found.running()) {
            return Plan.noChange("container " + name + " exists"
                    + (running == null ? "" : running ? " and runs" : " and is stopped"));
        }
        return Plan.run(Command.of(cli, "container", running ? "start" : "stop", found.id()));
    }
}
