package dev.jinfra.ops.ssh;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ssh.keyscan}: the host's known_hosts file gets another host's keys with ssh-keyscan, when it has none for
 * it (or always, with force, after removing the old ones), so that the host can ssh or git-clone from there.
 */
@Doc(
        name = "ssh.keyscan",
        value = "Adds a host's keys to a known_hosts file on the host with ssh-keyscan when the file has none for it "
                + "(ssh-keygen -F); force replaces them. Trusts what the network answers at that moment.",
        example = "ssh.keyscan(\"github.com\");")
public record Keyscan(
        @Arg(value = "the host name or address to scan", required = true)
        String hostname,

        @Arg(value = "its SSH port", defaultValue = "22") int port,

        @Arg("the known_hosts file; not given: ~/.ssh/known_hosts of the user it runs as")
        String file,

        @Arg("scan again and replace the keys even when some are known")
        boolean force)
        implements Operation {

    // Scans first and appends only a non-empty answer: an unreachable host leaves the file as it was, and fails.
    private static final String SCAN = "f=${3:-$HOME/.ssh/known_hosts}; mkdir -p \"${f%/*}\" && "
            + "keys=$(ssh-keyscan -p \"$2\" -- \"$1\") && [ -n \"$keys\" ] && printf '%s\\n' \"$keys\" >> \"$f\"";
    private static final String REMOVE = "ssh-keygen -R \"$1\" -f \"${2:-$HOME/.ssh/known_hosts}\"";

    public Keyscan {
        port = port == 0 ? 22 : port;
        SshNames.check("ssh.keyscan", hostname, port, file);
    }

    @Override
    public String describe() {
        return "Keyscan: " + SshNames.entry(hostname, port);
    }

    @Override
    public Plan plan(FactSource facts) {
        boolean known = facts.get(new KnownHost(hostname, port, file));
        if (known && !force) {
            return Plan.noChange(SshNames.entry(hostname, port) + " is in known_hosts");
        }
        String fileWord = file == null ? "" : file;
        List<Command> commands = new ArrayList<>();
        if (known) {
            commands.add(Command.script(REMOVE, SshNames.entry(hostname, port), fileWord));
        }
        commands.add(Command.script(SCAN, hostname, Integer.toString(port), fileWord));
        return Plan.run(commands);
    }
}
