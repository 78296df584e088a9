package dev.jinfra.deploy;

import dev.jinfra.inventory.Host;

/**
 * A deploy: code that runs once per host in the prepare phase and registers the operations that host needs.
 * Deploy files are either a class implementing this interface or a compact source file with a
 * {@code void deploy(Host host)} method, which jinfra wraps in one.
 */
@FunctionalInterface
public interface Deploy {
    void deploy(Host host);
}
