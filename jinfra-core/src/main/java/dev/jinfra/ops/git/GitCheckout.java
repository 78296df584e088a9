package dev.jinfra.ops.git;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/**
 * What a git checkout is at: its HEAD commit, its branch and where origin points, read in one command so an
 * operation on a repository costs one fact. {@code null} when the path is not a checkout (no {@code .git}).
 */
@Doc("The HEAD commit, current branch and origin URL of a git checkout, or null when the path is not one.")
public record GitCheckout(
        @Arg(value = "the checkout's directory", required = true)
        String path) implements Fact<GitCheckout.Value> {

    /**
     * Each field is null when git has none: {@code head} in a repository without commits, {@code branch} on a
     * detached HEAD, {@code remoteUrl} without an origin remote.
     */
    public record Value(String head, String branch, String remoteUrl) {}

    // Looks for .git in the directory itself, as git clone leaves it, rather than asking git: a directory
    // inside some other repository would otherwise count as that repository. Each query prints exactly one
    // line (an empty one when git has no answer), so the three values are told apart by position. A host
    // without git exits non-zero: there is no checkout it could work with.
    private static final String SCRIPT = """
            test -e "$1/.git" || exit 1
            command -v git >/dev/null || exit 127
            git -C "$1" rev-parse -q --verify HEAD || echo
            git -C "$1" symbolic-ref -q --short HEAD || echo
            git -C "$1" config --get remote.origin.url || echo
            """;

    public GitCheckout {
        GitNames.absolutePath("GitCheckout", "path", path);
        if (path == null) {
            throw new IllegalArgumentException("GitCheckout needs a path");
        }
    }

    @Override
    public Command command() {
        return Command.of("sh", "-c", SCRIPT, "sh", path);
    }

    @Override
    public Value parse(String stdout) {
        String[] lines = stdout.split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("unexpected git output for " + path + ": '" + stdout.strip() + "'");
        }
        return new Value(orNull(lines[0]), orNull(lines[1]), orNull(lines[2]));
    }

    private static String orNull(String line) {
        String s = line.strip();
        return s.isEmpty() ? null : s;
    }

    @Override
    public Value absent() {
        return null;
    }
}
