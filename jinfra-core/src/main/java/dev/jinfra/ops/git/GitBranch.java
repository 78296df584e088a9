package dev.jinfra.ops.git;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/** The branch checked out in a repository directory, or null when it is not a repository or HEAD is detached. */
@Doc("The current branch of a git repository, or null when the path is not a repository or HEAD is detached.")
public record GitBranch(
        @Arg(value = "the repository's directory", required = true)
        String path) implements Fact<String> {
    public GitBranch {
        if (path == null) {
            throw new IllegalArgumentException("GitBranch needs a path");
        }
        GitNames.absolutePath("GitBranch", "path", path);
    }

    @Override
    public Command command() {
        // symbolic-ref fails (exit 1) on a detached HEAD and (128) outside a repository: both read as null. The
        // path is absolute, so git never takes it for an option.
        return Command.of("git", "-C", path, "symbolic-ref", "-q", "--short", "HEAD");
    }

    @Override
    public String parse(String stdout) {
        String branch = stdout.strip();
        return branch.isEmpty() ? null : branch;
    }

    @Override
    public String absent() {
        return null;
    }
}
