package dev.jinfra.deploy;

import dev.jinfra.ops.server.PuppetAgent;

/**
 * The {@code puppet} operations, as deploy code calls them: {@code puppet.agent()}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class PuppetOperations {
    /**
     * Runs the Puppet agent once (puppet agent --test), against a server and port if given. Always reported as a
     * change; its exit code 2 (changes applied) counts as success, 4 and 6 (failures) do not.
     *
     * <p>{@code puppet.agent}: one agent run; {@code .server(..)} and {@code .port(..)} by name.
     */
    public PuppetAgentCall agent() {
        return PrepareContext.register(PuppetAgentCall::new);
    }

    /**
     * Runs the Puppet agent once (puppet agent --test), against a server and port if given. Always reported as a
     * change; its exit code 2 (changes applied) counts as success, 4 and 6 (failures) do not.
     *
     * <p>{@code puppet.agent} with every argument in the record's order.
     *
     * @param agent e.g. {@code new PuppetAgent("puppet.example.com", 8140)}
     */
    public PuppetAgentCall agent(PuppetAgent agent) {
        return PrepareContext.register(agent, PuppetAgentCall::new);
    }
}
