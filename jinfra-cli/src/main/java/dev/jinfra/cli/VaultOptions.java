package dev.jinfra.cli;

import dev.jinfra.command.Secret;
import dev.jinfra.inventory.VaultPassword;
import dev.jinfra.problem.Problems;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The password for values an Ansible inventory or its {@code group_vars}/{@code host_vars} encrypted with
 * {@code ansible-vault}: from a file, asked on the terminal, from {@value #ENV}, or from the vault_password_file
 * of the project's {@code ansible.cfg}, in that order.
 */
final class VaultOptions {
    /** The environment variable holding the vault password when no option gives one. */
    static final String ENV = "JINFRA_VAULT_PASSWORD";

    @Option(
            names = "--vault-password-file",
            paramLabel = "FILE",
            description = "Read the ansible-vault password from FILE (its first and last line breaks dropped).")
    Path passwordFile;

    @Option(
            names = {"--ask-vault-password", "--ask-vault-pass"},
            description = "Ask for the ansible-vault password on the terminal (not echoed). Without either option: "
                    + "the environment variable " + ENV + ", if set.")
    boolean ask;

    /**
     * The password the options or {@code environment} give, or {@link VaultPassword#NONE}; it is only used when
     * an encrypted value is met.
     */
    VaultPassword password(Console console, Map<String, String> environment) {
        if (passwordFile != null && ask) {
            throw new UsageException("give --vault-password-file or --ask-vault-password, not both");
        }
        if (passwordFile != null) {
            return new VaultPassword(
                    nonEmpty(fromFile(console.cwd().resolve(passwordFile)), "--vault-password-file " + passwordFile),
                    "--vault-password-file " + passwordFile);
        }
        if (ask) {
            String typed = console.readSecret("Vault password: ");
            if (typed == null) {
                throw new UsageException(
                        "--ask-vault-password needs a terminal; use --vault-password-file FILE or " + ENV);
            }
            // As Ansible takes a typed password: without surrounding blanks.
            return new VaultPassword(nonEmpty(typed.strip(), "--ask-vault-password"), "--ask-vault-password");
        }
        String fromEnv = environment.get(ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return new VaultPassword(new Secret(fromEnv), ENV);
        }
        // Last, as Ansible takes it: the vault_password_file of the project's ansible.cfg.
        return AnsibleConfig.of(console)
                .vaultPasswordFile()
                .map(file -> new VaultPassword(
                        nonEmpty(fromFile(file), "vault_password_file " + file), "vault_password_file " + file))
                .orElse(VaultPassword.NONE);
    }

    /** As Ansible reads a password file: the text without line breaks at either end. */
    private String fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--vault-password-file: "
                    + (Files.exists(file) ? "not a file: " : "no such file: ") + passwordFile);
        }
        if (Files.isExecutable(file)) {
            // Ansible runs an executable password file as a script; reading it as the password would only fail.
            throw new UsageException("--vault-password-file: " + passwordFile
                    + " is executable: jinfra reads the password from the file and does not run scripts");
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.replaceAll("^[\\r\\n]+|[\\r\\n]+$", "");
        } catch (CharacterCodingException e) {
            throw new UsageException("--vault-password-file: " + passwordFile + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException("--vault-password-file: cannot read " + passwordFile + ": " + Problems.inWords(e));
        }
    }

    private static Secret nonEmpty(String password, String origin) {
        if (password.isEmpty()) {
            throw new UsageException(origin + ": the vault password is empty");
        }
        return new Secret(password);
    }
}
