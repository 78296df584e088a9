package dev.jinfra.deploy;

import dev.jinfra.ops.ssh.Keyscan;

/**
 * The {@code ssh} operations, as deploy code calls them: {@code ssh.keyscan("github.com")}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class SshOperations {
    /**
     * Adds a host's keys to a known_hosts file on the host with ssh-keyscan when the file has none for it (ssh-keygen
     * -F); force replaces them. Trusts what the network answers at that moment.
     *
     * <p>{@code ssh.keyscan}: the host's keys in ~/.ssh/known_hosts; {@code .port(2222)}, {@code .file(..)} and {@code .force(true)} by name.
     *
     * @param hostname the host to scan
     */
    public SshKeyscanCall keyscan(String hostname) {
        return PrepareContext.register(SshKeyscanCall::new).hostname(hostname);
    }

    /**
     * Adds a host's keys to a known_hosts file on the host with ssh-keyscan when the file has none for it (ssh-keygen
     * -F); force replaces them. Trusts what the network answers at that moment.
     *
     * <p>{@code ssh.keyscan} with every argument in the record's order.
     *
     * @param keyscan e.g. {@code new Keyscan("github.com", 22, "/etc/ssh/ssh_known_hosts", false)}
     */
    public SshKeyscanCall keyscan(Keyscan keyscan) {
        return PrepareContext.register(keyscan, SshKeyscanCall::new);
    }
}
