package dev.jinfra.ops.selinux;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code selinux.port}: a port (or range) of a protocol has an SELinux type (semanage port), added, or modified where
 * the policy or the host gave exactly that port another type; or the host's own assignment is deleted. A port that
 * only falls inside a range of another type (the ephemeral ports) gets its own assignment, which takes precedence.
 */
@Doc(
        name = "selinux.port",
        value =
                "A port or range of tcp, udp, sctp or dccp has an SELinux type (semanage port), or the host's own assignment of it is deleted.",
        example = "selinux.port(\"tcp\", \"8081\", \"http_port_t\").sudo();")
public record SelinuxPort(
        @Arg(value = "tcp, udp, sctp or dccp", required = true)
        String protocol,

        @Arg(value = "the port, or a range such as 8000-8010", required = true)
        String port,

        @Arg("the SELinux type, e.g. http_port_t; needed unless present is false")
        String type,

        @Arg(value = "whether the assignment should be there", defaultValue = "true")
        boolean present)
        implements Operation {
    private static final String OP = "selinux.port";
    private static final Pattern PORTS = Pattern.compile("\\d{1,5}(-\\d{1,5})?");

    public SelinuxPort {
        if (!List.of("tcp", "udp", "sctp", "dccp").contains(String.valueOf(protocol))) {
            throw new IllegalArgumentException(
                    OP + ": protocol must be tcp, udp, sctp or dccp, not '" + protocol + "'");
        }
        if (port == null || !PORTS.matcher(port).matches()) {
            throw new IllegalArgumentException(OP + ": '" + port + "' is not a port or range like 8000-8010");
        }
        if (type != null) {
            SeNames.identifier(OP, "type", type);
        } else if (present) {
            throw new IllegalArgumentException(OP + ": " + protocol + "/" + port + " needs a type");
        }
    }

    @Override
    public String describe() {
        return (present
                ? "SELinux port: " + protocol + "/" + port + " -> " + type
                : "No SELinux port: " + protocol + "/" + port);
    }

    @Override
    public Plan plan(FactSource facts) {
        // Deleting is only possible for the host's own assignments, so absence is judged by those.
        List<SePorts.Entry> entries = facts.get(new SePorts(!present));
        if (entries == null) {
            throw new IllegalStateException(OP + ": cannot list port types (semanage, from policycoreutils)");
        }
        List<SePorts.Entry> exact = entries.stream()
                .filter(e -> e.protocol().equals(protocol) && e.ports().equals(port))
                .toList();
        String where = protocol + "/" + port;
        if (!present) {
            boolean ours = exact.stream().anyMatch(e -> type == null || e.type().equals(type));
            return ours
                    ? Plan.run(Command.of("semanage", "port", "-d", "-p", protocol, port))
                    : Plan.noChange("the host assigns no type to " + where);
        }
        if (exact.stream().anyMatch(e -> e.type().equals(type))) {
            return Plan.noChange(where + " is " + type);
        }
        return Plan.run(
                Command.of("semanage", "port", exact.isEmpty() ? "-a" : "-m", "-t", type, "-p", protocol, port));
    }
}
