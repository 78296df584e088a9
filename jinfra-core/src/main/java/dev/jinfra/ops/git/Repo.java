package dev.jinfra.ops.git;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code git.repo}: a directory is a checkout of a repository, on a branch or at a pinned commit. With
 * {@code pull}, the remote is asked which commit its branch is at ({@link GitRemoteHead}): a checkout already
 * there, or ahead of it with local commits ({@link GitContains}), changes nothing (so handlers tied to it do not
 * fire on every run); one behind is fetched and fast-forwarded, as is one whose remote could not be asked.
 */
@Doc(
        name = "git.repo",
        value =
                "A git checkout exists at dest: cloned when missing, then on the wanted branch (fast-forwarded when pull and the "
                        + "remote's branch moved to a commit the checkout does not hold, which git ls-remote tells) or at a pinned commit. When the remote cannot be asked, "
                        + "pull fetches and reports a change. A checkout of another URL is an error, never overwritten.",
        example = "git.repo(\"https://github.com/example/app.git\", \"/srv/app\", \"main\");")
public record Repo(
        @Arg(value = "the repository URL to clone from", required = true)
        String src,

        @Arg(value = "the checkout's directory", required = true)
        String dest,

        @Arg("the branch to check out; when not given, the remote's default on a clone and the current branch after")
        String branch,

        @Arg("a full commit hash to pin the checkout to (detached HEAD); pull is then not needed")
        String commit,

        @Arg(value = "fetch and fast-forward the branch on every run", defaultValue = "true")
        boolean pull,

        @Arg("shallow clone and fetch of this many commits; a pinned commit must be within them")
        Integer depth)
        implements Operation {

    public Repo {
        if (src == null || src.isBlank() || src.startsWith("-") || src.contains("\n")) {
            throw new IllegalArgumentException("git.repo: src must be a repository URL, not '" + src + "'");
        }
        if (dest == null) {
            throw new IllegalArgumentException("git.repo needs dest");
        }
        GitNames.absolutePath("git.repo", "dest", dest);
        GitNames.branch("git.repo", branch);
        commit = GitNames.commit("git.repo", commit);
        if (depth != null && depth < 1) {
            throw new IllegalArgumentException("git.repo: depth must be at least 1, not " + depth);
        }
    }

    @Override
    public String describe() {
        // A token in the URL (https://user:TOKEN@host/...) must not show in output.
        return "Git repo: " + dev.jinfra.command.Redaction.urlPasswords(src) + " at " + dest
                + (commit != null ? " @" + commit : branch != null ? " (" + branch + ")" : "");
    }

    @Override
    public Plan plan(FactSource facts) {
        GitCheckout.Value now = facts.get(new GitCheckout(dest));
        if (now == null) {
            return Plan.run(cloneCommands());
        }
        if (!src.equals(now.remoteUrl())) {
            // Another repository (or one without origin) is someone's data: replacing it is not ours to decide.
            throw new IllegalStateException(dest + " is a checkout of "
                    + (now.remoteUrl() == null ? "no origin remote" : now.remoteUrl()) + ", not " + src);
        }
        if (commit != null) {
            if (commit.equals(now.head())) {
                return Plan.noChange(dest + " is at " + commit);
            }
            // The commit may be new since the last fetch; fetching when it is already there costs little.
            return Plan.run(fetch(null), git("checkout", "-q", "--detach", commit));
        }
        String wanted = branch != null ? branch : now.branch();
        if (wanted == null) {
            return Plan.noChange(dest + " has a detached HEAD and no branch was given to follow");
        }
        boolean onBranch = wanted.equals(now.branch());
        if (onBranch && !pull) {
            return Plan.noChange(dest + " is on branch " + wanted + " (pull is off, so the remote is not checked)");
        }
        String remote = onBranch && now.head() != null ? facts.get(new GitRemoteHead(dest, wanted)) : null;
        if (remote != null && remote.equals(now.head())) {
            return Plan.noChange(
                    dest + " is on branch " + wanted + " at " + now.head().substring(0, 12) + ", where origin's is");
        }
        // Local commits on top of origin's: a fast-forward would bring nothing, so fetching and merging on every
        // run would only report a change that is not one (and fire the handlers tied to it).
        if (remote != null && facts.get(new GitContains(dest, remote))) {
            return Plan.noChange(dest + " is on branch " + wanted + " at "
                    + now.head().substring(0, 12) + ", which already contains origin's " + remote.substring(0, 12));
        }
        List<Command> steps = new ArrayList<>();
        steps.add(fetch(wanted));
        if (!onBranch) {
            steps.add(follow(wanted));
            // Without -b git creates a missing local branch tracking origin's, and keeps an existing one as it is.
            steps.add(git("checkout", "-q", wanted));
        }
        if (pull) {
            // --ff-only: local commits or a rewritten remote stop the run instead of producing a merge.
            steps.add(git("merge", "-q", "--ff-only", "origin/" + wanted));
        }
        return Plan.run(steps);
    }

    private List<Command> cloneCommands() {
        List<String> words = new ArrayList<>(List.of("git", "clone", "-q"));
        if (depth != null) {
            words.addAll(List.of("--depth", depth.toString()));
        }
        if (branch != null) {
            words.addAll(List.of("--branch", branch));
        }
        words.addAll(List.of("--", src, dest));
        List<Command> steps = new ArrayList<>(List.of(Command.of(words)));
        if (commit != null) {
            steps.add(git("checkout", "-q", "--detach", commit));
        }
        return steps;
    }

    /**
     * Fetches origin; with a branch, that branch into its remote-tracking ref explicitly, since a shallow or
     * single-branch clone's configured refspec would not bring in any other branch.
     */
    private Command fetch(String wantedBranch) {
        List<String> words = new ArrayList<>(List.of("git", "-C", dest, "fetch", "-q"));
        if (depth != null) {
            words.addAll(List.of("--depth", depth.toString()));
        }
        words.add("origin");
        if (wantedBranch != null) {
            words.add("+refs/heads/" + wantedBranch + ":refs/remotes/origin/" + wantedBranch);
        }
        return Command.of(words);
    }

    /**
     * Adds the branch to origin's fetch refspecs, once. A shallow clone is single-branch: its refspec names only
     * the branch it cloned, and git neither creates a local branch from, nor sets up tracking of, a
     * remote-tracking ref that no refspec covers ("pathspec did not match", "starting point is not a branch").
     * Where a wildcard refspec covers it already, the extra line changes nothing. The value pattern matches
     * exactly this refspec, so running it again replaces the line instead of adding another.
     */
    private Command follow(String wantedBranch) {
        String refspec = "+refs/heads/" + wantedBranch + ":refs/remotes/origin/" + wantedBranch;
        String exactly = "^" + refspec.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0") + "$";
        return git("config", "--replace-all", "remote.origin.fetch", refspec, exactly);
    }

    private Command git(String... args) {
        List<String> words = new ArrayList<>(List.of("git", "-C", dest));
        words.addAll(List.of(args));
        return Command.of(words);
    }
}
