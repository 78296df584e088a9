package dev.jinfra.deploy;

import dev.jinfra.ops.service.UpstartService;

/**
 * The {@code upstart} operations, as deploy code calls them: {@code upstart.service(ssh)}. Other arguments are given by
 * name on the call returned ({@link OperationCall#arg}).
 */
public final class UpstartOperations {
    /**
     * An Upstart job is running or stopped, restarted or reloaded (initctl), and started at boot or not (a manual line
     * in /etc/init/NAME.override).
     *
     * <p>{@code upstart.service}: running and enabled; {@code .restarted(true)} and the others by name.
     *
     * @param name the job, e.g. ssh
     */
    public UpstartServiceCall service(String name) {
        return PrepareContext.register(UpstartServiceCall::new)
                .nameArgument(name)
                .running(true)
                .enabled(true);
    }

    /**
     * An Upstart job is running or stopped, restarted or reloaded (initctl), and started at boot or not (a manual line
     * in /etc/init/NAME.override).
     *
     * <p>{@code upstart.service} with every argument in the record's order.
     *
     * @param service the service and what should become of it
     */
    public UpstartServiceCall service(UpstartService service) {
        return PrepareContext.register(service, UpstartServiceCall::new);
    }
}
