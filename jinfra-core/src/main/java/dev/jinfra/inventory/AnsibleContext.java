package dev.jinfra.inventory;

import java.nio.file.Path;
import java.util.List;

/**
 * What reading an Ansible inventory needs besides the file: the directories of the deploy files, whose
 * {@code group_vars} and {@code host_vars} apply over those beside the inventory (as Ansible's beside the playbook
 * do), and the passwords for values encrypted with {@code ansible-vault}.
 *
 * @param deployDirs directories as the user gave them (relative to the working directory, or absolute), weakest
 *     first; empty for commands without deploy files
 * @param vaultPasswords the vault passwords given, in the order given; empty when none was
 */
public record AnsibleContext(List<Path> deployDirs, List<VaultPassword> vaultPasswords) {
    /** No deploy files and no vault password. */
    public static final AnsibleContext NONE = new AnsibleContext(List.of(), List.<VaultPassword>of());

    public AnsibleContext {
        deployDirs = List.copyOf(deployDirs);
        vaultPasswords = vaultPasswords.stream().filter(VaultPassword::given).toList();
    }

    /** With one vault password, or {@link VaultPassword#NONE}. */
    public AnsibleContext(List<Path> deployDirs, VaultPassword vaultPassword) {
        this(deployDirs, List.of(vaultPassword));
    }
}
