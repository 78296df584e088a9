package dev.jinfra.deploy;

import dev.jinfra.ops.service.RunitService;

/**
 * The {@code runit} operations, as deploy code calls them: {@code runit.service("sshd")}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class RunitOperations {
    /**
     * A runit service is enabled or not (a link from the services directory to its sv directory) and running or
     * stopped, restarted or reloaded (sv). A newly enabled service is started by runsvdir itself, within five seconds.
     *
     * <p>{@code runit.service}: enabled and running; {@code .restarted(true)} and the others by name.
     *
     * @param name the service, e.g. sshd
     */
    public RunitServiceCall service(String name) {
        return PrepareContext.register(RunitServiceCall::new)
                .nameArgument(name)
                .running(true)
                .enabled(true);
    }

    /**
     * A runit service is enabled or not (a link from the services directory to its sv directory) and running or
     * stopped, restarted or reloaded (sv). A newly enabled service is started by runsvdir itself, within five seconds.
     *
     * <p>{@code runit.service} with every argument in the record's order.
     *
     * @param service the service and what should become of it
     */
    public RunitServiceCall service(RunitService service) {
        return PrepareContext.register(service, RunitServiceCall::new);
    }
}
