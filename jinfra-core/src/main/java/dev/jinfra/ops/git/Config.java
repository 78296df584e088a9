package dev.jinfra.ops.git;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;

/** {@code git.config}: a git config key has a value, in one repository or in the global config. */
@Doc(
        name = "git.config",
        value =
                "A git config key has a value, in a repository's own config or (without repo) the global config of the user it runs as.",
        example = "git.config(\"user.email\", \"ops@example.com\");")
public record Config(
        @Arg(value = "the key, e.g. user.email", required = true)
        String key,

        @Arg(value = "the wanted value", required = true) String value,

        @Arg("the repository's directory; the global config when not given")
        String repo)
        implements Operation {

    public Config {
        GitNames.key("git.config", key);
        if (value == null || value.contains("\n")) {
            throw new IllegalArgumentException("git.config: value must be one line");
        }
        GitNames.absolutePath("git.config", "repo", repo);
    }

    @Override
    public String describe() {
        return "Git config: " + key + " = " + value + (repo == null ? " (global)" : " in " + repo);
    }

    @Override
    public Plan plan(FactSource facts) {
        // The fact reads the same scope this writes, so a global value does not hide a missing local one.
        String now = facts.get(new GitConfig(key, repo, null));
        String where = repo == null ? "the global config" : repo;
        if (value.equals(now)) {
            return Plan.noChange(key + " is already " + value + " in " + where);
        }
        return Plan.run(
                repo == null
                        ? Command.of("git", "config", "--global", key, value)
                        : Command.of("git", "-C", repo, "config", "--local", key, value));
    }
}
