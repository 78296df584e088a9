package dev.jinfra.ops.git;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;

/**
 * {@code git.bareRepo}: a bare repository (one to push to) is initialised at a path, or removed. Whatever else is
 * at the path is never overwritten or deleted: that is someone's data.
 */
@Doc(
        name = "git.bareRepo",
        value = "A bare git repository at a path: initialised with git init --bare when nothing is there, or removed "
                + "when present is false. Anything else at the path is an error, never replaced or deleted.",
        example = "git.bareRepo(\"/srv/git/app.git\").sudo();")
public record BareRepo(
        @Arg(value = "the repository's directory", required = true)
        String path,

        @Arg(value = "whether the repository should exist", defaultValue = "true")
        boolean present,

        @Arg("the default branch of a new repository (git init --initial-branch); git's default when not given")
        String initialBranch)
        implements Operation {

    public BareRepo {
        if (path == null) {
            throw new IllegalArgumentException("git.bareRepo needs a path");
        }
        GitNames.absolutePath("git.bareRepo", "path", path);
        if (path.replaceAll("/+$", "").isEmpty()) {
            throw new IllegalArgumentException("git.bareRepo: path cannot be /");
        }
        GitNames.branch("git.bareRepo", initialBranch);
    }

    @Override
    public String describe() {
        return (present ? "Git bare repo: " : "Remove git bare repo: ") + path;
    }

    @Override
    public Plan plan(FactSource facts) {
        String now = facts.get(new GitBareRepo(path));
        if ("other".equals(now)) {
            throw new IllegalStateException("git.bareRepo: " + path + " exists and is not a bare repository");
        }
        if (!present) {
            return now == null
                    ? Plan.noChange(path + " does not exist")
                    : Plan.run(Command.of("rm", "-rf", "--", path));
        }
        if (now != null) {
            return Plan.noChange(path + " is a bare repository");
        }
        // git init makes the missing parent directories itself. The path is absolute, so it is never an option.
        return Plan.run(
                initialBranch == null
                        ? Command.of("git", "init", "-q", "--bare", path)
                        : Command.of("git", "init", "-q", "--bare", "--initial-branch=" + initialBranch, path));
    }
}
