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
     * A named container exists or not, and runs or not (docker container run/create, start, stop, rm --force). A
     * missing one is made from image with options and command; an existing one is kept as it is (remove it first to
     * change its image or options). With cli=podman, Podman's CLI.
     *
     * <p>{@code docker.container}: exists and runs, made from {@code image} when missing; {@code .options(List.of(..))}, {@code .command(List.of(..))}, {@code .running(false)} and {@code .absent()} by name.
     *
     * @param name the container's name
     * @param image the image to make it from
     */
    public DockerContainerCall container(String name, String image) {
        return PrepareContext.register(DockerContainerCall::new)
                .nameArgument(name)
                .image(image);
    }

    /**
     * A named container exists or not, and runs or not (docker container run/create, start, stop, rm --force). A
     * missing one is made from image with options and command; an existing one is kept as it is (remove it first to
     * change its image or options). With cli=podman, Podman's CLI.
     *
     * <p>{@code docker.container} with every argument in the record's order.
     *
     * @param container e.g. {@code new DockerContainer("web", "nginx:1.27", List.of("-p", "80:80"), List.of(), true, true, "docker")}
     */
    public DockerContainerCall container(DockerContainer container) {
        return PrepareContext.register(container, DockerContainerCall::new);
    }

    /**
     * An image is there (docker image pull when no image has that name and tag; :latest when no tag is given) or not
     * (docker image rm). A tag already there is not pulled again.
     *
     * <p>{@code docker.image}: pulled when missing; {@code .absent()} removes it.
     *
     * @param image e.g. nginx:1.27
     */
    public DockerImageCall image(String image) {
        return PrepareContext.register(DockerImageCall::new).image(image);
    }

    /**
     * An image is there (docker image pull when no image has that name and tag; :latest when no tag is given) or not
     * (docker image rm). A tag already there is not pulled again.
     *
     * <p>{@code docker.image} with every argument in the record's order.
     *
     * @param image e.g. {@code new DockerImage("nginx:1.27", true, "docker")}
     */
    public DockerImageCall image(DockerImage image) {
        return PrepareContext.register(image, DockerImageCall::new);
    }

    /**
     * A named network exists (docker network create, with a driver if given) or not (docker network rm). An existing
     * network is kept as it is.
     *
     * <p>{@code docker.network}: exists; {@code .driver("bridge")}, {@code .absent()} by name.
     *
     * @param name the network's name
     */
    public DockerNetworkCall network(String name) {
        return PrepareContext.register(DockerNetworkCall::new).nameArgument(name);
    }

    /**
     * A named network exists (docker network create, with a driver if given) or not (docker network rm). An existing
     * network is kept as it is.
     *
     * <p>{@code docker.network} with every argument in the record's order.
     *
     * @param network e.g. {@code new DockerNetwork("backend", null, true, "docker")}
     */
    public DockerNetworkCall network(DockerNetwork network) {
        return PrepareContext.register(network, DockerNetworkCall::new);
    }

    /**
     * A named volume exists (docker volume create) or not (docker volume rm, which refuses while a container uses it).
     *
     * <p>{@code docker.volume}: exists; {@code .absent()} removes it.
     *
     * @param name the volume's name
     */
    public DockerVolumeCall volume(String name) {
        return PrepareContext.register(DockerVolumeCall::new).nameArgument(name);
    }

    /**
     * A named volume exists (docker volume create) or not (docker volume rm, which refuses while a container uses it).
     *
     * <p>{@code docker.volume} with every argument in the record's order.
     *
     * @param volume e.g. {@code new DockerVolume("pgdata", true, "docker")}
     */
    public DockerVolumeCall volume(DockerVolume volume) {
        return PrepareContext.register(volume, DockerVolumeCall::new);
    }
}
