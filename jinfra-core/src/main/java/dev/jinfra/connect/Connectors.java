package dev.jinfra.connect;

import dev.jinfra.inventory.ConnectTarget;
import dev.jinfra.inventory.Host;
import java.util.function.Supplier;

/**
 * The connector for each kind of target ({@link ConnectTarget.Kind}), in one place: SSH, this machine, Docker and
 * Podman containers, chroot directories. A run asks this for every host's connector; the SSH connector is made on
 * first use, since loading MINA and Bouncy Castle costs about a second that runs on other targets skip.
 */
public final class Connectors implements AutoCloseable {
    private final Supplier<SshConnector> makeSsh;
    private final LocalConnector local = new LocalConnector();
    private final ContainerConnector docker = new ContainerConnector(ConnectTarget.Kind.DOCKER);
    private final ContainerConnector podman = new ContainerConnector(ConnectTarget.Kind.PODMAN);
    private final ChrootConnector chroot = new ChrootConnector();
    private SshConnector ssh;

    /** @param makeSsh makes the SSH connector, once, when the first SSH host needs it */
    public Connectors(Supplier<SshConnector> makeSsh) {
        this.makeSsh = makeSsh;
    }

    /**
     * The connector that reaches {@code host}.
     *
     * @throws IllegalArgumentException naming the host, when its target is not one jinfra knows
     */
    public Connector forHost(Host host) {
        return switch (host.target().kind()) {
            case SSH -> ssh();
            case LOCAL -> local;
            case DOCKER -> docker;
            case PODMAN -> podman;
            case CHROOT -> chroot;
        };
    }

    /** Whether {@code host} is reached over SSH (and so has SSH settings, jump hosts, known hosts). */
    public static boolean overSsh(Host host) {
        return host.target().kind() == ConnectTarget.Kind.SSH;
    }

    /** The SSH connector, made now if no host has needed it yet. */
    public synchronized SshConnector ssh() {
        if (ssh == null) {
            ssh = makeSsh.get();
        }
        return ssh;
    }

    /** The SSH connector if a host has needed it, else null: nothing to report or close. */
    public synchronized SshConnector sshIfMade() {
        return ssh;
    }

    @Override
    public void close() {
        SshConnector made = sshIfMade();
        if (made != null) {
            made.close();
        }
        local.close();
        docker.close();
        podman.close();
        chroot.close();
    }
}
