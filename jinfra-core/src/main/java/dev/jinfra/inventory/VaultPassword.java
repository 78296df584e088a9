package dev.jinfra.inventory;

import dev.jinfra.command.Secret;

/**
 * A password that opens values encrypted with {@code ansible-vault}, the vault id it is given for, and where it came
 * from, for messages ("wrong vault password (from --vault-password-file vault.txt)"). An inventory may be read with
 * several ({@code --vault-id dev@dev.txt --vault-id prod@prod.txt}); each encrypted value is tried with those
 * given for its vault id first, then with the others, as Ansible tries them.
 *
 * @param secret the password, or null when none was given
 * @param origin where the password came from, in the user's words; null when none was given
 * @param id the vault id it is given for ({@code prod} of {@code --vault-id prod@file}); {@code default} when none
 */
public record VaultPassword(Secret secret, String origin, String id) {
    /** No password: an encrypted value is an error naming the ways to give one. */
    public static final VaultPassword NONE = new VaultPassword(null, null);

    /** Ansible's vault id for a password given without one. */
    public static final String DEFAULT_ID = "default";

    public VaultPassword {
        id = id == null || id.isBlank() ? DEFAULT_ID : id;
    }

    /** A password for the default vault id. */
    public VaultPassword(Secret secret, String origin) {
        this(secret, origin, DEFAULT_ID);
    }

    public boolean given() {
        return secret != null;
    }
}
