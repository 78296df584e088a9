package dev.jinfra.cli;

import dev.jinfra.command.Secret;
import dev.jinfra.inventory.VaultPassword;
import dev.jinfra.problem.Problems;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Option(
            names = "--vault-id",
            paramLabel = "[ID@]FILE",
            description = "A vault password for vault id ID (default: 'default'), read from FILE, or asked on the "
                    + "terminal for 'prompt'; may be given several times. A value encrypted for an id is tried "
                    + "with that id's password first, then with the others.")
    List<String> vaultIds = new ArrayList<>();

    /**
     * Every password the options give ({@code --vault-id}s in order, then {@code --vault-password-file} or
     * {@code --ask-vault-password}), else the one {@link #password} finds; empty when there is none.
     */
    List<VaultPassword> passwords(Console console, Map<String, String> environment) {
        List<VaultPassword> all = new ArrayList<>();
        for (String given : vaultIds) {
            int at = given.indexOf('@');
            String id = at < 0 ? VaultPassword.DEFAULT_ID : given.substring(0, at);
            String source = at < 0 ? given : given.substring(at + 1);
            String origin = "--vault-id " + given;
            if (source.isEmpty() || id.isEmpty()) {
                throw new UsageException("--vault-id takes ID@FILE, FILE or ID@prompt, not '" + given + "'");
            }
            if (source.equals("prompt")) {
                String typed = console.readSecret("Vault password (" + id + "): ");
                if (typed == null) {
                    throw new UsageException("--vault-id " + given + " needs a terminal; give a file instead");
                }
                all.add(new VaultPassword(nonEmpty(typed.strip(), origin), origin, id));
            } else {
                all.add(new VaultPassword(
                        nonEmpty(fromFile(console.cwd().resolve(source), "--vault-id", given), origin), origin, id));
            }
        }
        if (all.isEmpty() || passwordFile != null || ask) {
            VaultPassword other = password(console, environment);
            if (other.given()) {
                all.add(other);
            }
        }
        return all;
    }

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
                    nonEmpty(
                            fromFile(console.cwd().resolve(passwordFile), "--vault-password-file", passwordFile),
                            "--vault-password-file " + passwordFile),
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
                        nonEmpty(fromFile(file, "vault_password_file", file), "vault_password_file " + file),
                        "vault_password_file " + file))
                .orElse(VaultPassword.NONE);
    }

    /** As Ansible reads a password file: the text without line breaks at either end. */
    private static String fromFile(Path file, String option, Object given) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(option + ": " + (Files.exists(file) ? "not a file: " : "no such file: ") + given);
        }
        if (Files.isExecutable(file)) {
            // Ansible runs an executable password file as a script; reading it as the password would only fail.
            throw new UsageException(option + ": " + given
                    + " is executable: jinfra reads the password from the file and does not run scripts");
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.replaceAll("^[\\r\\n]+|[\\r\\n]+$", "");
        } catch (CharacterCodingException e) {
            throw new UsageException(option + ": " + given + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException(option + ": cannot read " + given + ": " + Problems.inWords(e));
        }
    }

    private static Secret nonEmpty(String password, String origin) {
        if (password.isEmpty()) {
            throw new UsageException(origin + ": the vault password is empty");
        }
        return new Secret(password);
    }
}
