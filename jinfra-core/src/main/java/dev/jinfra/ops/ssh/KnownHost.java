package dev.jinfra.ops.ssh;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/**
 * Whether a known_hosts file on the host has a key for a host (hashed entries too), from {@code ssh-keygen -F};
 * false when the file or ssh-keygen is missing.
 */
@Doc(
        value = "Whether a known_hosts file has a key for a host and port (ssh-keygen -F, hashed entries too); the "
                + "file defaults to ~/.ssh/known_hosts of the user it runs as.")
public record KnownHost(
        @Arg(value = "the host name or address", required = true)
        String hostname,

        @Arg(value = "its SSH port", defaultValue = "22") int port,

        @Arg("the known_hosts file; not given: ~/.ssh/known_hosts")
        String file)
        implements Fact<Boolean> {
    public KnownHost {
        port = port == 0 ? 22 : port;
        SshNames.check("KnownHost", hostname, port, file);
    }

    @Override
    public Command command() {
        // The home directory is the shell's to expand: the file is left empty then and filled in there.
        return Command.of(
                "sh",
                "-c",
                "ssh-keygen -F \"$1\" -f \"${2:-$HOME/.ssh/known_hosts}\"",
                "sh",
                SshNames.entry(hostname, port),
                file == null ? "" : file);
    }

    @Override
    public Boolean parse(String stdout) {
        // Exit 0 with "# Host NAME found: line N" and the line; an empty answer would mean nothing matched.
        return !stdout.isBlank();
    }

    @Override
    public Boolean absent() {
        return false;
    }
}
