package dev.jinfra.ops.git;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The worktrees of a repository, by path, as {@code git worktree list --porcelain} gives them (the main one
 * first); null when the path is not a repository.
 */
@Doc(
        "The worktrees of a git repository by path (HEAD, branch, bare, detached, prunable), or null when the path is not one.")
public record GitWorktrees(
        @Arg(value = "the repository's directory (its main worktree or a bare repository)", required = true)
        String repo)
        implements Fact<Map<String, GitWorktrees.Worktree>> {

    /**
     * {@code branch} is the short name (main), null when detached or bare; {@code head} null in a bare repo;
     * {@code prunable} when its directory is gone and git only still remembers it.
     */
    public record Worktree(String head, String branch, boolean bare, boolean detached, boolean prunable) {}

    public GitWorktrees {
        if (repo == null) {
            throw new IllegalArgumentException("GitWorktrees needs a repo");
        }
        GitNames.absolutePath("GitWorktrees", "repo", repo);
    }

    @Override
    public Command command() {
        return Command.of("git", "-C", repo, "worktree", "list", "--porcelain");
    }

    @Override
    public Map<String, Worktree> parse(String stdout) {
        // Blocks separated by blank lines, each starting with "worktree <path>"; the other lines are attributes
        // ("HEAD <hash>", "branch refs/heads/<name>", "bare", "detached", "locked", "prunable").
        Map<String, Worktree> out = new LinkedHashMap<>();
        String path = null;
        String head = null;
        String branch = null;
        boolean bare = false;
        boolean detached = false;
        boolean prunable = false;
        for (String line : (stdout + "\n\n").split("\n", -1)) {
            if (line.isEmpty()) {
                if (path != null) {
                    out.put(path, new Worktree(head, branch, bare, detached, prunable));
                }
                path = head = branch = null;
                bare = detached = prunable = false;
            } else if (line.startsWith("worktree ")) {
                path = line.substring("worktree ".length());
            } else if (line.startsWith("HEAD ")) {
                head = line.substring("HEAD ".length());
            } else if (line.startsWith("branch ")) {
                branch = line.substring("branch ".length()).replaceFirst("^refs/heads/", "");
            } else if (line.equals("bare")) {
                bare = true;
            } else if (line.equals("detached")) {
                detached = true;
            } else if (line.equals("prunable") || line.startsWith("prunable ")) {
                prunable = true;
            }
        }
        return out;
    }

    @Override
    public Map<String, Worktree> absent() {
        return null;
    }
}
