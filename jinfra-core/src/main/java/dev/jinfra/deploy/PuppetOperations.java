package dev.jinfra.deploy;

import dev.jinfra.ops.server.PuppetAgent;

/**
 * The {@code puppet} operations, as deploy code calls them: {@code puppet.agent()}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class PuppetOperations {
    /**
     * {@code puppet.agent}: one agent run; {@code .arg("server", ..)} and {@code .arg("port", ..)} by name.
     */
    public OperationCall agent() {
        return PrepareContext.register(PuppetAgent.class);
    }

    /**
     * {@code puppet.agent} with every argument in the record's order.
     *
     * @param agent e.g. {@code new PuppetAgent("puppet.example.com", 8140)}
     */
    public OperationCall agent(PuppetAgent agent) {
        return PrepareContext.register(agent);
    }
}
