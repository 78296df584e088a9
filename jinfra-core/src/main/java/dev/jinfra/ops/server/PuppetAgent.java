package dev.jinfra.ops.server;

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
 * {@code puppet.agent}: one Puppet agent run. Puppet decides what to change; jinfra cannot know beforehand, so
 * the operation always runs and counts as a change. Exit 2 ("changes were applied") is success.
 */
@Doc(
        name = "puppet.agent",
        value = "Runs the Puppet agent once (puppet agent --test), against a server and port if given. Always reported "
                + "as a change; its exit code 2 (changes applied) counts as success, 4 and 6 (failures) do not.",
        example = "puppet.agent().sudo();")
public record PuppetAgent(
        @Arg("the Puppet server; not given: the agent's configuration")
        String server,

        @Arg("the server's port; not given: the agent's configuration")
        Integer port)
        implements Operation {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");
    // puppet agent --test exits 2 when it applied changes: a success here.
    private static final String RUN = "puppet agent --test \"$@\"; rc=$?; [ $rc -eq 0 ] || [ $rc -eq 2 ] || exit $rc";

    public PuppetAgent {
        if (server != null && !HOST.matcher(server).matches()) {
            throw new IllegalArgumentException("puppet.agent: '" + server + "' is not a host name");
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("puppet.agent: port must be 1 to 65535, not " + port);
        }
    }

    @Override
    public String describe() {
        return "Puppet agent run";
    }

    @Override
    public Plan plan(FactSource facts) {
        List<String> args = new ArrayList<>();
        if (server != null) {
            args.addAll(List.of("--server", server));
        }
        if (port != null) {
            args.addAll(List.of("--serverport", Integer.toString(port)));
        }
        return Plan.run(Command.script(RUN, args));
    }
}
