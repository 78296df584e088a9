package dev.jinfra.deploy;

import dev.jinfra.ops.ssh.Keyscan;

/**
 * The {@code ssh} operations, as deploy code calls them: {@code ssh.keyscan("github.com")}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class SshOperations {
    /**
     * {@code ssh.keyscan}: the host's keys in ~/.ssh/known_hosts; {@code .arg("port", 2222)}, {@code .arg("file", ..)} and {@code .arg("force", true)} by name.
     *
     * @param hostname the host to scan
     */
    public OperationCall keyscan(String hostname) {
        return PrepareContext.register(Keyscan.class).arg("hostname", hostname);
    }

    /**
     * {@code ssh.keyscan} with every argument in the record's order.
     *
     * @param keyscan e.g. {@code new Keyscan("github.com", 22, "/etc/ssh/ssh_known_hosts", false)}
     */
    public OperationCall keyscan(Keyscan keyscan) {
        return PrepareContext.register(keyscan);
    }
}
