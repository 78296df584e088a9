package dev.jinfra.deploy;

import dev.jinfra.ops.service.OpenrcService;

/**
 * The {@code openrc} operations, as deploy code calls them: {@code openrc.service(sshd)}. Other arguments are given by
 * name on the call returned ({@link OperationCall#arg}).
 */
public final class OpenrcOperations {
    /**
     * An OpenRC service is running or stopped, restarted or reloaded (rc-service), and enabled in a runlevel or not
     * (rc-update).
     *
     * <p>{@code openrc.service}: running and enabled; {@code .restarted(true)} and the others by name.
     *
     * @param name the service, e.g. sshd
     */
    public OpenrcServiceCall service(String name) {
        return PrepareContext.register(OpenrcServiceCall::new)
                .nameArgument(name)
                .running(true)
                .enabled(true);
    }

    /**
     * An OpenRC service is running or stopped, restarted or reloaded (rc-service), and enabled in a runlevel or not
     * (rc-update).
     *
     * <p>{@code openrc.service} with every argument in the record's order.
     *
     * @param service the service and what should become of it
     */
    public OpenrcServiceCall service(OpenrcService service) {
        return PrepareContext.register(service, OpenrcServiceCall::new);
    }
}
