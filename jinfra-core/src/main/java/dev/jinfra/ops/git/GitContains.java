package dev.jinfra.ops.git;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/**
 * Whether a checkout's HEAD already holds a commit (it is HEAD or one of HEAD's ancestors), so that git.repo with
 * pull can tell a checkout with local commits on top of origin's from one that is behind: merging origin's branch
 * into the first brings nothing. False when the commit is not known to the checkout (not fetched yet) or the path
 * is not a repository.
 */
@Doc(
        "Whether a git checkout's HEAD contains a commit (HEAD is it or descends from it); false when it does not know it.")
public record GitContains(
        @Arg(value = "the checkout's directory", required = true)
        String path,

        @Arg(value = "a full commit hash", required = true) String commit)
        implements Fact<Boolean> {

    public GitContains {
        if (path == null || commit == null) {
            throw new IllegalArgumentException("GitContains needs a path and a commit");
        }
        GitNames.absolutePath("GitContains", "path", path);
        commit = GitNames.commit("GitContains", commit);
    }

    @Override
    public Command command() {
        // Exit 0: an ancestor; 1: not one; 128: an unknown commit or no repository. Only 0 is a value. The commit
        // is checked as hex, so git never takes it for an option.
        return Command.of("git", "-C", path, "merge-base", "--is-ancestor", commit, "HEAD");
    }

    @Override
    public Boolean parse(String stdout) {
        return true;
    }

    @Override
    public Boolean absent() {
        return false;
    }

    @Override
    public String confinedTo() {
        return path;
    }
}
