package dev.jinfra.connect;

import dev.jinfra.inventory.Host;

/** Opens connections to hosts: over SSH, or to the local machine for {@code @local}. */
public interface Connector extends AutoCloseable {
    Connection connect(Host host) throws UnreachableException;

    /** How many of this connector's sessions may be open at once; a run keeps its session window within it. */
    default int sessionLimit() {
        return Integer.MAX_VALUE;
    }

    @Override
    void close();
}
