package dev.jinfra.connect;

import dev.jinfra.inventory.Host;

/** Opens connections to hosts: over SSH, or to the local machine for {@code @local}. */
public interface Connector extends AutoCloseable {
    Connection connect(Host host) throws UnreachableException;

    @Override
    void close();
}
