package dev.jinfra.ops.git;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.regex.Pattern;

/**
 * The commit a branch of a checkout's origin is at, asked of the remote itself ({@code git ls-remote}), so that
 * git.repo with pull can tell a checkout that is up to date from one whose remote moved, and change nothing in
 * the first case. Null when the remote cannot be asked (no network, no such branch, not a repository).
 */
@Doc("The commit a branch of a git checkout's origin remote is at (git ls-remote), or null when it cannot be read.")
public record GitRemoteHead(
        @Arg(value = "the checkout's directory", required = true)
        String path,

        @Arg(value = "the branch on origin", required = true)
        String branch)
        implements Fact<String> {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    public GitRemoteHead {
        if (path == null || branch == null) {
            throw new IllegalArgumentException("GitRemoteHead needs a path and a branch");
        }
        GitNames.absolutePath("GitRemoteHead", "path", path);
        GitNames.branch("GitRemoteHead", branch);
    }

    @Override
    public Command command() {
        // origin as the checkout has it configured, so a token in its URL stays in the host's git config and
        // never reaches a command line. No terminal prompt for credentials: a fact must never wait for a person.
        return Command.of("git", "-C", path, "ls-remote", "--exit-code", "origin", "refs/heads/" + branch)
                .env("GIT_TERMINAL_PROMPT", "0");
    }

    @Override
    public String parse(String stdout) {
        String first = stdout.strip().split("\\s", 2)[0];
        return COMMIT.matcher(first).matches() ? first : null;
    }

    @Override
    public String absent() {
        return null;
    }

    @Override
    public String confinedTo() {
        return path;
    }
}
