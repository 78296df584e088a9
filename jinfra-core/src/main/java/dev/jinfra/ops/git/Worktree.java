package dev.jinfra.ops.git;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code git.worktree}: a linked worktree of a repository exists at a path (added with {@code git worktree add})
 * or not (removed). A worktree already there is left as it is: which branch it is on is its user's business once
 * it exists, as with a clone.
 */
@Doc(
        name = "git.worktree",
        value =
                "A linked worktree of a repository at a path: added with git worktree add (on a branch, a new branch, or "
                        + "detached at a commit) when git does not list it, or removed when present is false.",
        example = "git.worktree(\"/srv/app\", \"/srv/app-hotfix\").newBranch(\"hotfix\");")
public record Worktree(
        @Arg(value = "the repository's directory (its main worktree or a bare repository)", required = true)
        String repo,

        @Arg(value = "the worktree's directory", required = true)
        String worktree,

        @Arg("the branch or commit to check out; when not given, git makes a branch named after the directory")
        String commitish,

        @Arg("create this new branch (from commitish, else HEAD) for the worktree")
        String newBranch,

        @Arg("check out commitish detached, on no branch") boolean detached,

        @Arg(value = "whether the worktree should exist", defaultValue = "true")
        boolean present,

        @Arg("add even when the branch is checked out elsewhere; remove even with changes in the worktree")
        boolean force)
        implements Operation {

    public Worktree {
        if (repo == null || worktree == null) {
            throw new IllegalArgumentException("git.worktree needs repo and worktree");
        }
        GitNames.absolutePath("git.worktree", "repo", repo);
        GitNames.absolutePath("git.worktree", "worktree", worktree);
        // Paths as git lists them: no trailing slash.
        repo = trimSlash(repo);
        worktree = trimSlash(worktree);
        if (repo.equals(worktree)) {
            throw new IllegalArgumentException("git.worktree: the worktree cannot be the repository itself");
        }
        GitNames.branch("git.worktree", commitish);
        GitNames.branch("git.worktree", newBranch);
        if (detached && newBranch != null) {
            throw new IllegalArgumentException("git.worktree: detached and newBranch exclude each other");
        }
    }

    private static String trimSlash(String path) {
        return path.length() > 1 ? path.replaceAll("/+$", "") : path;
    }

    @Override
    public String describe() {
        return (present ? "Git worktree: " : "Remove git worktree: ") + worktree + " of " + repo;
    }

    @Override
    public Plan plan(FactSource facts) {
        Map<String, GitWorktrees.Worktree> listed = facts.get(new GitWorktrees(repo));
        if (listed == null) {
            throw new IllegalStateException("git.worktree: " + repo + " is not a git repository");
        }
        GitWorktrees.Worktree there = listed.get(worktree);
        // A worktree whose directory was deleted by hand is still remembered by git, which then refuses to add
        // one at that path again: it is pruned (with every other such one, which are gone as well) and counts as
        // missing.
        List<Command> steps = new ArrayList<>();
        if (there != null && there.prunable()) {
            steps.add(Command.of("git", "-C", repo, "worktree", "prune"));
            there = null;
        }
        if (!present) {
            if (there == null) {
                return steps.isEmpty() ? Plan.noChange(worktree + " is not a worktree of " + repo) : Plan.run(steps);
            }
            List<String> words = new ArrayList<>(List.of("git", "-C", repo, "worktree", "remove"));
            if (force) {
                words.add("--force");
            }
            words.addAll(List.of("--", worktree));
            return Plan.run(Command.of(words));
        }
        if (there != null) {
            return Plan.noChange(worktree + " is a worktree of " + repo
                    + (there.branch() != null ? " on branch " + there.branch() : " (detached)"));
        }
        List<String> words = new ArrayList<>(List.of("git", "-C", repo, "worktree", "add", "-q"));
        if (force) {
            words.add("--force");
        }
        if (detached) {
            words.add("--detach");
        }
        if (newBranch != null) {
            words.addAll(List.of("-b", newBranch));
        }
        // After "--" nothing is an option; both are checked above besides.
        words.addAll(List.of("--", worktree));
        if (commitish != null) {
            words.add(commitish);
        }
        steps.add(Command.of(words));
        return Plan.run(steps);
    }
}
