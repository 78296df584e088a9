package dev.jinfra.inventory;

import dev.jinfra.command.Secret;

/**
 * The password that opens values encrypted with {@code ansible-vault}, and where it came from, for messages
 * ("wrong vault password (from --vault-password-file vault.txt)"). One password opens every vault id, as a
 * single {@code --vault-password-file} does in Ansible.
 *
 * @param secret the password, or null when none was given
 * @param origin where the password came from, in the user's words; null when none was given
 */
public record VaultPassword(Secret secret, String origin) {
    /** No password: an encrypted value is an error naming the ways to give one. */
    public static final VaultPassword NONE = new VaultPassword(null, null);

    public boolean given() {
        return secret != null;
    }
}
