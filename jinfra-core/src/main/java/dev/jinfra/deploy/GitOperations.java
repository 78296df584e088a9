package dev.jinfra.deploy;

import dev.jinfra.ops.git.BareRepo;
import dev.jinfra.ops.git.Repo;
import dev.jinfra.ops.git.Worktree;

/**
 * The {@code git} operations, as deploy code calls them: {@code git.repo(url, "/srv/app", "main")}. Each method
 * takes the operation's first arguments; the others are given by name on the call it returns
 * ({@link OperationCall#arg}), as the reference lists them.
 */
public final class GitOperations {
    /**
     * A git checkout exists at dest: cloned when missing, then on the wanted branch (fast-forwarded when pull and the
     * remote's branch moved to a commit the checkout does not hold, which git ls-remote tells) or at a pinned commit.
     * When the remote cannot be asked, pull fetches and reports a change. A checkout of another URL is an error, never
     * overwritten.
     *
     * <p>{@code git.repo}: a checkout of the remote's default branch, fast-forwarded on every run;
     * {@code .commit(hash)} pins it to a full commit hash instead (no change once it is there).
     *
     * @param src the repository URL to clone from
     * @param dest the checkout's directory
     */
    public GitRepoCall repo(String src, String dest) {
        return PrepareContext.register(GitRepoCall::new).src(src).dest(dest);
    }

    /**
     * A git checkout exists at dest: cloned when missing, then on the wanted branch (fast-forwarded when pull and the
     * remote's branch moved to a commit the checkout does not hold, which git ls-remote tells) or at a pinned commit.
     * When the remote cannot be asked, pull fetches and reports a change. A checkout of another URL is an error, never
     * overwritten.
     *
     * <p>{@code git.repo}: a checkout of {@code branch}, fast-forwarded on every run.
     *
     * @param src the repository URL to clone from
     * @param dest the checkout's directory
     * @param branch the branch to check out
     */
    public GitRepoCall repo(String src, String dest, String branch) {
        return repo(src, dest).branch(branch);
    }

    /**
     * A git checkout exists at dest: cloned when missing, then on the wanted branch (fast-forwarded when pull and the
     * remote's branch moved to a commit the checkout does not hold, which git ls-remote tells) or at a pinned commit.
     * When the remote cannot be asked, pull fetches and reports a change. A checkout of another URL is an error, never
     * overwritten.
     *
     * <p>{@code git.repo} with every argument in the record's order.
     *
     * @param repo e.g. {@code new Repo(url, "/srv/app", "main", null, true, 1)}
     */
    public GitRepoCall repo(Repo repo) {
        return PrepareContext.register(repo, GitRepoCall::new);
    }

    /**
     * A git config key has a value, in a repository's own config or (without repo) the global config of the user it
     * runs as.
     *
     * <p>{@code git.config}: a key in the global git config of the user the operation runs as.
     *
     * @param key the key, e.g. user.email
     * @param value the wanted value
     */
    public GitConfigCall config(String key, String value) {
        return PrepareContext.register(GitConfigCall::new).key(key).value(value);
    }

    /**
     * A git config key has a value, in a repository's own config or (without repo) the global config of the user it
     * runs as.
     *
     * <p>{@code git.config}: a key in one repository's own config.
     *
     * @param key the key, e.g. user.email
     * @param value the wanted value
     * @param repo the repository's directory
     * @deprecated the value and the repository are easy to swap: {@code git.config(key, value).repo(repo)}
     */
    @Deprecated
    public GitConfigCall config(String key, String value, String repo) {
        return config(key, value).repo(repo);
    }

    /**
     * A linked worktree of a repository at a path: added with git worktree add (on a branch, a new branch, or detached
     * at a commit) when git does not list it, or removed when present is false.
     *
     * <p>{@code git.worktree}: a linked worktree of {@code repo} at {@code worktree}; {@code .commitish(..)},
     * {@code .newBranch(..)} or {@code .detached(true)} say what it checks out, {@code .absent()}
     * removes it.
     *
     * @param repo the repository's directory
     * @param worktree the worktree's directory
     */
    public GitWorktreeCall worktree(String repo, String worktree) {
        return PrepareContext.register(GitWorktreeCall::new).repo(repo).worktree(worktree);
    }

    /**
     * A linked worktree of a repository at a path: added with git worktree add (on a branch, a new branch, or detached
     * at a commit) when git does not list it, or removed when present is false.
     *
     * <p>{@code git.worktree} with every argument in the record's order.
     *
     * @param worktree e.g. {@code new Worktree("/srv/app", "/srv/app-v2", "v2", null, false, true, false)}
     */
    public GitWorktreeCall worktree(Worktree worktree) {
        return PrepareContext.register(worktree, GitWorktreeCall::new);
    }

    /**
     * A bare git repository at a path: initialised with git init --bare when nothing is there, or removed when present
     * is false. Anything else at the path is an error, never replaced or deleted.
     *
     * <p>{@code git.bareRepo}: a bare repository at {@code path}; {@code .absent()} removes it.
     *
     * @param path the repository's directory
     */
    public GitBareRepoCall bareRepo(String path) {
        return PrepareContext.register(GitBareRepoCall::new).path(path);
    }

    /**
     * A bare git repository at a path: initialised with git init --bare when nothing is there, or removed when present
     * is false. Anything else at the path is an error, never replaced or deleted.
     *
     * <p>{@code git.bareRepo} with every argument in the record's order.
     *
     * @param bareRepo e.g. {@code new BareRepo("/srv/git/app.git", true, "main")}
     */
    public GitBareRepoCall bareRepo(BareRepo bareRepo) {
        return PrepareContext.register(bareRepo, GitBareRepoCall::new);
    }
}
