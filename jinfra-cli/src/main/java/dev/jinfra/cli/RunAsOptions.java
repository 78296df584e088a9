package dev.jinfra.cli;

import dev.jinfra.command.Command;
import dev.jinfra.command.Secret;
import dev.jinfra.deploy.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Who and where commands run as: sudo (with its password from an environment variable or the terminal,
 * never shown), environment and working directory. Shared by exec and the deploy commands.
 */
final class RunAsOptions {
    @Option(names = "--sudo", description = "Run with sudo.")
    boolean sudo;

    @Option(names = "--sudo-user", paramLabel = "USER", description = "Run as USER with sudo (implies --sudo).")
    String sudoUser;

    @Option(
            names = "--sudo-password-env",
            paramLabel = "VAR",
            description = "Read the sudo password from environment variable VAR.")
    String sudoPasswordEnv;

    @Option(names = "--ask-sudo-password", description = "Ask for the sudo password on the terminal, once.")
    boolean askSudoPassword;

    @Option(
            names = {"-e", "--env"},
            paramLabel = "NAME=VALUE",
            description = "Set an environment variable (repeatable).")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--chdir", paramLabel = "DIR", description = "Run in DIR.")
    String chdir;

    /**
     * These options as run settings (the command line's level for deploys), checked here so that a mistake is a
     * usage error before any host is touched rather than a failure on every host.
     */
    Settings settings() {
        Settings s = Settings.NONE;
        if (sudoUser != null) {
            s = s.sudo(userName("--sudo-user", sudoUser));
        } else if (sudo) {
            s = s.sudo();
        }
        for (var e : env.entrySet()) {
            s = s.env(envName(e.getKey()), e.getValue());
        }
        return chdir == null ? s : s.chdir(chdir);
    }

    static String userName(String option, String user) {
        if (user.isBlank()) {
            throw new UsageException(option + " needs a user name");
        }
        return user;
    }

    /** The rule is Command's, which would otherwise reject the name on every host. */
    private static String envName(String name) {
        try {
            Command.shell("true").env(name, "");
        } catch (IllegalArgumentException e) {
            throw new UsageException("--env: '" + name + "' is not a valid environment variable name"
                    + " (letters, digits and _, not starting with a digit)");
        }
        return name;
    }

    /** The sudo password when one was asked for, else null. */
    Secret sudoPassword(Console console) {
        if (sudoPasswordEnv != null) {
            String v = System.getenv(sudoPasswordEnv);
            if (v == null) {
                throw new UsageException(
                        "--sudo-password-env: environment variable " + sudoPasswordEnv + " is not set");
            }
            return new Secret(v);
        }
        if (askSudoPassword) {
            String v = console.readSecret("sudo password: ");
            if (v == null) {
                throw new UsageException("--ask-sudo-password needs a terminal; use --sudo-password-env instead");
            }
            return new Secret(v);
        }
        return null;
    }
}
