package dev.jinfra.ops.docker;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.Map;

/** {@code docker.image}: an image is pulled when the host has no image of that name, or removed. */
@Doc(
        name = "docker.image",
        value = "An image is there (docker image pull when no image has that name and tag; :latest when no tag is "
                + "given) or not (docker image rm). A tag already there is not pulled again.",
        example = "docker.image(\"nginx:1.27\").sudo();")
public record DockerImage(
        @Arg(value = "the image, e.g. nginx:1.27 or registry.example.com/app:2", required = true)
        String image,

        @Arg(value = "whether the image should be there", defaultValue = "true")
        boolean present,

        @Arg(value = "the container CLI: docker or podman", defaultValue = "docker")
        String cli)
        implements Operation {

    public DockerImage {
        DockerCli.image("docker.image", image);
        cli = DockerCli.cli("docker.image", cli);
    }

    @Override
    public String describe() {
        return (present ? "Image: " : "Remove image: ") + image;
    }

    @Override
    public Plan plan(FactSource facts) {
        boolean there = isListed(facts.get(new DockerImages(cli)), image);
        if (there == present) {
            return Plan.noChange("image " + image + (present ? " is there" : " is not there"));
        }
        return Plan.run(Command.of(cli, "image", present ? "pull" : "rm", image));
    }

    /**
     * Whether a listed name is the image: the same, with the implied {@code :latest}, or with the registry the
     * CLI put in front (Docker Hub's {@code docker.io/library/}, Podman's {@code localhost/}).
     */
    static boolean isListed(Map<String, String> images, String image) {
        String last = image.substring(image.lastIndexOf('/') + 1);
        String tagged = last.contains(":") || last.contains("@") ? image : image + ":latest";
        for (String listed : images.keySet()) {
            if (listed.equals(tagged)
                    || listed.equals("docker.io/" + tagged)
                    || listed.equals("docker.io/library/" + tagged)
                    || listed.equals("localhost/" + tagged)) {
                return true;
            }
        }
        // An image given by id.
        return images.containsValue(image) || images.containsValue("sha256:" + image);
    }
}
