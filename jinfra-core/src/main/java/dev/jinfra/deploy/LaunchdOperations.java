package dev.jinfra.deploy;

import dev.jinfra.ops.service.LaunchdService;

/**
 * The {@code launchd} operations, as deploy code calls them: {@code launchd.service("com.example.agent")}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class LaunchdOperations {
    /**
     * {@code launchd.service}: running; {@code .arg("restarted", true)} and the others by name.
     *
     * @param name the job's label
     */
    public OperationCall service(String name) {
        return PrepareContext.register(LaunchdService.class).arg("name", name).arg("running", true);
    }

    /**
     * {@code launchd.service} with every argument in the record's order.
     *
     * @param service the service and what should become of it
     */
    public OperationCall service(LaunchdService service) {
        return PrepareContext.register(service);
    }
}
