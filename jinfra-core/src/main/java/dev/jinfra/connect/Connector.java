package dev.jinfra.connect;

import dev.jinfra.inventory.Host;

/**
 * Opens connections to hosts: over SSH, to the local machine for {@code @local}, into containers and chroot
 * directories ({@link Connectors} picks one by each host's target).
 */
public interface Connector extends AutoCloseable {
    Connection connect(Host host) throws UnreachableException;

    /** How many of this connector's sessions may be open at once; a run keeps its session window within it. */
    default int sessionLimit() {
        return Integer.MAX_VALUE;
    }

    @Override
    void close();
}
