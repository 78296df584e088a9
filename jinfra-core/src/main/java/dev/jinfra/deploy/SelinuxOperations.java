package dev.jinfra.deploy;

/**
 * The {@code selinux} operations, as deploy code calls them: {@code selinux.seboolean("httpd_can_network_connect",
 * "on")}. Other arguments are given by name on the call returned ({@link OperationCall#arg},
 * {@link OperationCall#absent}), as the reference lists them.
 */
public final class SelinuxOperations {
    /**
     * An SELinux boolean is on or off (setsebool), with persistent also after reboots; judged by its current value.
     *
     * <p>{@code selinux.seboolean}: the boolean has the value now and after reboots ({@code .persistent(false)}
     * for now only).
     *
     * @param name the boolean, e.g. httpd_can_network_connect
     * @param value on or off
     */
    public SelinuxSebooleanCall seboolean(String name, String value) {
        return PrepareContext.register(SelinuxSebooleanCall::new)
                .nameArgument(name)
                .value(value);
    }

    /**
     * SELinux labels paths matching an expression with a type (semanage fcontext, for all files), or the host's own
     * mapping is deleted; restorecon applies it to existing files.
     *
     * <p>{@code selinux.fileContext}: paths matching {@code target} are labelled {@code type}; {@code .absent()} deletes
     * the host's own mapping.
     *
     * @param target the path expression, e.g. /srv/www(/.*)?
     * @param type the SELinux type, e.g. httpd_sys_content_t
     */
    public SelinuxFileContextCall fileContext(String target, String type) {
        return PrepareContext.register(SelinuxFileContextCall::new)
                .target(target)
                .type(type);
    }

    /**
     * A port or range of tcp, udp, sctp or dccp has an SELinux type (semanage port), or the host's own assignment of it
     * is deleted.
     *
     * <p>{@code selinux.port}: the port of the protocol has the type; {@code .absent()} deletes the host's own
     * assignment.
     *
     * @param protocol tcp, udp, sctp or dccp
     * @param port the port, or a range such as 8000-8010
     * @param type the SELinux type, e.g. http_port_t
     */
    public SelinuxPortCall port(String protocol, String port, String type) {
        return PrepareContext.register(SelinuxPortCall::new)
                .protocol(protocol)
                .port(port)
                .type(type);
    }
}
