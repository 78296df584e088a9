package dev.jinfra.ops.selinux;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code selinux.seboolean}: an SELinux boolean is on or off, with {@code persistent} also after reboots (setsebool
 * -P, which writes the policy store). Only the current value can be read cheaply, so a boolean already at the wanted
 * value is left alone even where it was set without -P. The name is Ansible's for the same thing: deploy code calls
 * operations by name, and {@code boolean} is a Java keyword.
 */
@Doc(
        name = "selinux.seboolean",
        value =
                "An SELinux boolean is on or off (setsebool), with persistent also after reboots; judged by its current value.",
        example = "selinux.seboolean(\"httpd_can_network_connect\", \"on\").sudo();")
public record SelinuxBoolean(
        @Arg(value = "the boolean, e.g. httpd_can_network_connect", required = true)
        String name,

        @Arg(value = "on or off", required = true) String value,

        @Arg(value = "keep the value after reboots (setsebool -P)", defaultValue = "true")
        boolean persistent)
        implements Operation {

    public SelinuxBoolean {
        SeNames.identifier("selinux.seboolean", "boolean", name);
        if (!"on".equals(value) && !"off".equals(value)) {
            throw new IllegalArgumentException("selinux.seboolean: value must be on or off, not '" + value + "'");
        }
    }

    @Override
    public String describe() {
        return "SELinux boolean: " + name + " = " + value;
    }

    @Override
    public Plan plan(FactSource facts) {
        String now = facts.get(new SeBoolean(name));
        if (now == null) {
            throw new IllegalStateException(
                    "selinux.seboolean: no boolean " + name + " (or SELinux is disabled on the host)");
        }
        if (now.equals(value)) {
            return Plan.noChange(name + " is " + value);
        }
        List<String> words = new ArrayList<>(List.of("setsebool"));
        if (persistent) {
            words.add("-P");
        }
        // The name cannot start with '-' (checked above).
        words.addAll(List.of(name, value));
        return Plan.run(Command.of(words));
    }
}
