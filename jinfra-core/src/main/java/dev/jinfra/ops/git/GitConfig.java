package dev.jinfra.ops.git;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import dev.jinfra.command.Output;

/**
 * One git configuration value: a repository's own ({@code --local}) or, without a repository, the global one,
 * of the user the command runs as or of {@code user}. {@code null} when the key is not set.
 */
@Doc("A git config value, from a repository's own config or the global one (of a given user), or null when unset.")
public record GitConfig(
        @Arg(value = "the key, e.g. user.email", required = true)
        String key,

        @Arg("the repository's directory; the global config when not given")
        String repo,

        @Arg("with no repo: read this user's global config instead of the connecting user's")
        String user)
        implements Fact<String> {

    // git finds the global config through HOME, so pointing HOME at the user's home reads their file (and
    // their ~/.config/git/config) without needing their rights for anything else. Values arrive as $1, $2.
    private static final String AS_USER = """
            home=$(getent passwd "$1" | cut -d: -f6)
            [ -n "$home" ] || exit 2
            HOME=$home exec git config --global --get "$2"
            """;

    public GitConfig {
        GitNames.key("GitConfig", key);
        GitNames.absolutePath("GitConfig", "repo", repo);
        if (user != null && (user.isEmpty() || user.startsWith("-") || user.contains("\n"))) {
            throw new IllegalArgumentException("GitConfig: '" + user + "' is not a user name");
        }
    }

    @Override
    public Command command() {
        if (repo != null) {
            return Command.of("git", "-C", repo, "config", "--local", "--get", key);
        }
        if (user != null) {
            return Command.of("sh", "-c", AS_USER, "sh", user, key);
        }
        return Command.of("git", "config", "--global", "--get", key);
    }

    @Override
    public String parse(String stdout) {
        // Only the newline git adds goes: spaces at either end are part of a (quoted) value.
        return Output.withoutFinalNewline(stdout);
    }

    /** git config exits 1 for an unset key (and non-zero for a missing repository or git). */
    @Override
    public String absent() {
        return null;
    }
}
