package dev.jinfra.deploy;

import dev.jinfra.ops.service.RunitService;

/**
 * The {@code runit} operations, as deploy code calls them: {@code runit.service("sshd")}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class RunitOperations {
    /**
     * {@code runit.service}: enabled and running; {@code .arg("restarted", true)} and the others by name.
     *
     * @param name the service, e.g. sshd
     */
    public OperationCall service(String name) {
        return PrepareContext.register(RunitService.class)
                .arg("name", name)
                .arg("running", true)
                .arg("enabled", true);
    }

    /**
     * {@code runit.service} with every argument in the record's order.
     *
     * @param service the service and what should become of it
     */
    public OperationCall service(RunitService service) {
        return PrepareContext.register(service);
    }
}
