package dev.jinfra.engine;

import dev.jinfra.connect.Connection;
import dev.jinfra.connect.OutputListener;

/** What a run does on one host once it is connected. Must report failures as results, not by throwing. */
@FunctionalInterface
public interface HostWork {
    HostResult run(Connection connection, OutputListener output);
}
