package dev.jinfra.deploy;

import dev.jinfra.ops.docker.DockerContainer;
import dev.jinfra.ops.docker.DockerImage;
import dev.jinfra.ops.docker.DockerNetwork;
import dev.jinfra.ops.docker.DockerVolume;

/**
 * The {@code docker} operations, as deploy code calls them: {@code docker.container("web", "nginx:1.27")}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class DockerOperations {
    /**
     * {@code docker.container}: exists and runs, made from {@code image} when missing; {@code .arg("options", List.of(..))}, {@code .arg("command", List.of(..))}, {@code .arg("running", false)} and {@code .absent()} by name.
     *
     * @param name the container's name
     * @param image the image to make it from
     */
    public OperationCall container(String name, String image) {
        return PrepareContext.register(DockerContainer.class).arg("name", name).arg("image", image);
    }

    /**
     * {@code docker.container} with every argument in the record's order.
     *
     * @param container e.g. {@code new DockerContainer("web", "nginx:1.27", List.of("-p", "80:80"), List.of(), true, true, "docker")}
     */
    public OperationCall container(DockerContainer container) {
        return PrepareContext.register(container);
    }

    /**
     * {@code docker.image}: pulled when missing; {@code .absent()} removes it.
     *
     * @param image e.g. nginx:1.27
     */
    public OperationCall image(String image) {
        return PrepareContext.register(DockerImage.class).arg("image", image);
    }

    /**
     * {@code docker.image} with every argument in the record's order.
     *
     * @param image e.g. {@code new DockerImage("nginx:1.27", true, "docker")}
     */
    public OperationCall image(DockerImage image) {
        return PrepareContext.register(image);
    }

    /**
     * {@code docker.network}: exists; {@code .arg("driver", "bridge")}, {@code .absent()} by name.
     *
     * @param name the network's name
     */
    public OperationCall network(String name) {
        return PrepareContext.register(DockerNetwork.class).arg("name", name);
    }

    /**
     * {@code docker.network} with every argument in the record's order.
     *
     * @param network e.g. {@code new DockerNetwork("backend", null, true, "docker")}
     */
    public OperationCall network(DockerNetwork network) {
        return PrepareContext.register(network);
    }

    /**
     * {@code docker.volume}: exists; {@code .absent()} removes it.
     *
     * @param name the volume's name
     */
    public OperationCall volume(String name) {
        return PrepareContext.register(DockerVolume.class).arg("name", name);
    }

    /**
     * {@code docker.volume} with every argument in the record's order.
     *
     * @param volume e.g. {@code new DockerVolume("pgdata", true, "docker")}
     */
    public OperationCall volume(DockerVolume volume) {
        return PrepareContext.register(volume);
    }
}
