package dev.jinfra.ops.server;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.regex.Pattern;

/** {@code server.hostname}: the host's name, set now and written to /etc/hostname for the next boot. */
@Doc(
        name = "server.hostname",
        value = "The host name is set now and in /etc/hostname.",
        example = "server.hostname(\"web-01\");")
public record ServerHostname(
        @Arg(value = "the hostname, e.g. web1 or web1.example.com", required = true)
        String name) implements Operation {
    // RFC 1123 labels separated by dots; a name cannot start with '-', so it is never taken for an option.
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    public ServerHostname {
        if (name == null || !HOSTNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("server.hostname: '" + name + "' is not a valid hostname");
        }
    }

    @Override
    public String describe() {
        return "Hostname: " + name;
    }

    @Override
    public Plan plan(FactSource facts) {
        // Only the running name is compared: /etc/hostname is written whenever that differs, not checked alone.
        if (name.equals(facts.get(new dev.jinfra.ops.server.Hostname()))) {
            return Plan.noChange("hostname is " + name);
        }
        return Plan.run(
                Command.of("hostname", name),
                // The name reaches the shell as $1, never as part of the script.
                Command.script("printf '%s\\n' \"$1\" > /etc/hostname", name));
    }
}
