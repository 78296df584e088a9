package dev.jinfra.deploy;

import dev.jinfra.ops.apt.AptDeb;
import dev.jinfra.ops.apt.AptKey;
import dev.jinfra.ops.apt.AptPackages;
import dev.jinfra.ops.apt.AptRepo;
import java.util.List;

/**
 * The {@code apt} operations, as deploy code calls them: {@code apt.packages("nginx").update(true)}. Each
 * method takes the operation's first arguments; the others are given by name on the call it returns
 * ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class AptOperations {
    /**
     * {@code apt.packages}: installed (any version, or {@code name=version}); {@code .absent()} removes them,
     * {@code .update(true)} refreshes the lists first.
     *
     * @param packages package names, each optionally pinned as name=version
     */
    public AptPackagesCall packages(String... packages) {
        return PrepareContext.register(AptPackagesCall::new).packages(List.of(packages));
    }

    /**
     * {@code apt.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new AptPackages(List.of("nginx"), true, false, true, 3600)}
     */
    public AptPackagesCall packages(AptPackages packages) {
        return PrepareContext.register(packages, AptPackagesCall::new);
    }

    /** {@code apt.update}: refreshes the package lists. */
    public AptUpdateCall update() {
        return PrepareContext.register(AptUpdateCall::new);
    }

    /**
     * {@code apt.update}, only when the lists are older than {@code cacheAgeSeconds}.
     *
     * @param cacheAgeSeconds skip the update when the lists are younger than this many seconds
     */
    public AptUpdateCall update(int cacheAgeSeconds) {
        return update().cacheAgeSeconds(cacheAgeSeconds);
    }

    /** {@code apt.upgrade}: apt-get upgrade, always reported as a change; {@code .distUpgrade(true)} for dist-upgrade. */
    public AptUpgradeCall upgrade() {
        return PrepareContext.register(AptUpgradeCall::new);
    }

    /**
     * {@code apt.repo}: a source line in /etc/apt/sources.list.d/HOST.list, e.g.
     * {@code repo("deb [signed-by=...] https://example.org/debian bookworm main")}; {@code .absent()} takes it out.
     *
     * @param src the source line
     */
    public AptRepoCall repo(String src) {
        return PrepareContext.register(AptRepoCall::new).src(src);
    }

    /**
     * {@code apt.repo} in /etc/apt/sources.list.d/{@code filename}.
     *
     * @param src the source line
     * @param filename file name in /etc/apt/sources.list.d
     */
    public AptRepoCall repo(String src, String filename) {
        return repo(src).filename(filename);
    }

    /**
     * {@code apt.repo} with every argument in the record's order.
     *
     * @param repo e.g. {@code new AptRepo(line, "example", false)}
     */
    public AptRepoCall repo(AptRepo repo) {
        return PrepareContext.register(repo, AptRepoCall::new);
    }

    /**
     * {@code apt.key}: a keyring from a URL the host downloads ({@code .url(..)}) or a local file it is
     * uploaded from ({@code .src(..)}), at {@code .dest(..)}; no change once it exists.
     */
    public AptKeyCall key() {
        return PrepareContext.register(AptKeyCall::new);
    }

    /**
     * {@code apt.key} with every argument in the record's order.
     *
     * @param key e.g. {@code new AptKey(null, "https://example.org/key.asc", "/etc/apt/keyrings/example.gpg", null)}
     */
    public AptKeyCall key(AptKey key) {
        return PrepareContext.register(key, AptKeyCall::new);
    }

    /**
     * {@code apt.deb}: a .deb (URL or path on the host) installed unless {@code packageName} already is.
     *
     * @param src URL or absolute path on the host of the .deb
     * @param packageName the package the .deb installs
     */
    public AptDebCall deb(String src, String packageName) {
        return PrepareContext.register(AptDebCall::new).src(src).packageName(packageName);
    }

    /**
     * {@code apt.deb} with every argument in the record's order.
     *
     * @param deb e.g. {@code new AptDeb(src, "tool", "1.2")}
     */
    public AptDebCall deb(AptDeb deb) {
        return PrepareContext.register(deb, AptDebCall::new);
    }

    /**
     * {@code apt.ppa}: an Ubuntu PPA in apt's sources; {@code .absent()} removes it.
     *
     * @param src the PPA, as ppa:owner/name
     */
    public AptPpaCall ppa(String src) {
        return PrepareContext.register(AptPpaCall::new).src(src);
    }
}
