package dev.jinfra.ops.service;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code bsdinit.service}: a FreeBSD rc.d service is running or stopped, restarted or reloaded ({@code service NAME
 * onestart}...), and enabled in rc.conf or not ({@code sysrc NAME_enable=YES}).
 */
@Doc(
        name = "bsdinit.service",
        value = "A FreeBSD rc.d service is running or stopped, restarted or reloaded (service NAME onestart, "
                + "onestop, ...), and enabled in rc.conf or not (sysrc NAME_enable).",
        example = "bsdinit.service(\"nginx\").sudo();")
public record BsdinitService(
        @Arg(value = "the service, e.g. sshd", required = true)
        String name,

        @Arg("whether the service should be running; not given leaves it as it is")
        Boolean running,

        @Arg("restart it (unless it is stopped or being started here)")
        boolean restarted,

        @Arg("reload its configuration (when it runs and is not restarted here)")
        boolean reloaded,

        @Arg("whether rc.conf should start it at boot; not given leaves it as it is")
        Boolean enabled)
        implements Operation {

    // rc.conf variables are shell variables: the service's name is part of NAME_enable.
    private static final Pattern RC_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public BsdinitService {
        checkRcName("bsdinit.service", name);
    }

    static String checkRcName(String where, String name) {
        if (name == null || !RC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(where + ": '" + name + "' is not an rc.d service name");
        }
        return name;
    }

    @Override
    public String describe() {
        return "rc.d service: " + name;
    }

    @Override
    public Plan plan(FactSource facts) {
        List<Command> commands = new ArrayList<>();
        List<String> asWanted = new ArrayList<>();
        if (running != null || restarted || reloaded) {
            String action = Transitions.action(facts.get(new BsdinitStatus(name)), running, restarted, reloaded);
            if (action != null) {
                // The "one" forms act whether or not rc.conf enables the service.
                commands.add(Command.of("service", name, "one" + action));
            } else {
                asWanted.add(Transitions.asWanted(running));
            }
        }
        if (enabled != null) {
            if (enabled == facts.get(new RcConfEnabled(name))) {
                asWanted.add(enabled ? "enabled" : "not enabled");
            } else {
                commands.add(Command.of("sysrc", name + "_enable=" + (enabled ? "YES" : "NO")));
            }
        }
        if (!commands.isEmpty()) {
            return Plan.run(commands);
        }
        return Plan.noChange(
                asWanted.isEmpty() ? "nothing asked of " + name : name + " is " + String.join(" and ", asWanted));
    }
}
