package dev.jinfra.deploy;

import dev.jinfra.ops.git.Config;
import dev.jinfra.ops.git.Repo;

/** The {@code git} operation family, as deploy code sees it. */
public final class GitOperations {
    /** A checkout of the remote's default branch, fast-forwarded on every run. */
    public OperationCall repo(String src, String dest) {
        return repo(new Repo(src, dest, null, null, true, null));
    }

    /** A checkout of {@code branch}, fast-forwarded on every run. */
    public OperationCall repo(String src, String dest, String branch) {
        return repo(new Repo(src, dest, branch, null, true, null));
    }

    /** A checkout pinned to a full commit hash: no change once it is there. */
    public OperationCall repoAt(String src, String dest, String commit) {
        return repo(new Repo(src, dest, null, commit, false, null));
    }

    /** A checkout described in full: branch, pinned commit, pull and depth. */
    public OperationCall repo(Repo repo) {
        return PrepareContext.register(repo);
    }

    /** A key in the global git config of the user the operation runs as. */
    public OperationCall config(String key, String value) {
        return PrepareContext.register(new Config(key, value, null));
    }

    /** A key in one repository's own config. */
    public OperationCall config(String key, String value, String repo) {
        return PrepareContext.register(new Config(key, value, repo));
    }
}
