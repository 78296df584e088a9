package dev.jinfra.ops.git;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/**
 * What a path holds as far as git.bareRepo is concerned: {@code bare} (a bare repository), {@code other}
 * (anything else: a file, a plain directory, a checkout's .git or work tree), null when nothing is there.
 */
@Doc("Whether a path is a bare git repository: bare, other (something else is there), or null when nothing is.")
public record GitBareRepo(
        @Arg(value = "the repository's directory", required = true)
        String path) implements Fact<String> {

    // The path is taken as a git directory itself (--git-dir), so a directory inside some other repository does
    // not count as that repository. A git that is missing, or does not know the path as a repository, says other.
    private static final String SCRIPT = """
            test -e "$1" || test -L "$1" || exit 1
            if [ "$(git --git-dir="$1" rev-parse --is-bare-repository 2>/dev/null)" = true ]; then
              echo bare
            else
              echo other
            fi
            """;

    public GitBareRepo {
        if (path == null) {
            throw new IllegalArgumentException("GitBareRepo needs a path");
        }
        GitNames.absolutePath("GitBareRepo", "path", path);
    }

    @Override
    public Command command() {
        return Command.of("sh", "-c", SCRIPT, "sh", path);
    }

    @Override
    public String parse(String stdout) {
        return stdout.strip().equals("bare") ? "bare" : "other";
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
