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
     * Debian packages are installed (all missing ones in one apt-get call), at a version, latest, or removed. apt-get
     * never asks: configuration files changed on the host are kept, it waits up to 120 s for another apt to let go of
     * the lock, and a pinned version may be a downgrade.
     *
     * <p>{@code apt.packages}: installed (any version, or {@code name=version}); {@code .absent()} removes them,
     * {@code .update(true)} refreshes the lists first.
     *
     * @param packages package names, each optionally pinned as name=version
     */
    public AptPackagesCall packages(String... packages) {
        return PrepareContext.register(AptPackagesCall::new).packages(List.of(packages));
    }

    /**
     * Debian packages are installed (all missing ones in one apt-get call), at a version, latest, or removed. apt-get
     * never asks: configuration files changed on the host are kept, it waits up to 120 s for another apt to let go of
     * the lock, and a pinned version may be a downgrade.
     *
     * <p>{@code apt.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new AptPackages(List.of("nginx"), true, false, true, 3600)}
     */
    public AptPackagesCall packages(AptPackages packages) {
        return PrepareContext.register(packages, AptPackagesCall::new);
    }

    /**
     * Refreshes apt's package lists, unless they are younger than a cache age.
     *
     * <p>{@code apt.update}: refreshes the package lists.
     */
    public AptUpdateCall update() {
        return PrepareContext.register(AptUpdateCall::new);
    }

    /**
     * Refreshes apt's package lists, unless they are younger than a cache age.
     *
     * <p>{@code apt.update}, only when the lists are older than {@code cacheAgeSeconds}.
     *
     * @param cacheAgeSeconds skip the update when the lists are younger than this many seconds
     */
    public AptUpdateCall update(int cacheAgeSeconds) {
        return update().cacheAgeSeconds(cacheAgeSeconds);
    }

    /**
     * Upgrades all installed packages with apt-get upgrade (or dist-upgrade). Always reported as a change: only apt
     * knows whether anything was upgradable. Run apt.update first for current lists. As with apt.packages,
     * configuration files changed on the host are kept and apt waits up to 120 s for its lock.
     *
     * <p>{@code apt.upgrade}: apt-get upgrade, always reported as a change; {@code .distUpgrade(true)} for dist-upgrade.
     */
    public AptUpgradeCall upgrade() {
        return PrepareContext.register(AptUpgradeCall::new);
    }

    /**
     * An apt source line is present in (or absent from) a file in /etc/apt/sources.list.d, named after the URI's host
     * unless given. No change when apt already has the repository in any sources file; absent edits only its own file.
     * Run apt.update afterwards for apt to see it.
     *
     * <p>{@code apt.repo}: a source line in /etc/apt/sources.list.d/HOST.list, e.g.
     * {@code repo("deb [signed-by=...] https://example.org/debian bookworm main")}; {@code .absent()} takes it out.
     *
     * @param src the source line
     */
    public AptRepoCall repo(String src) {
        return PrepareContext.register(AptRepoCall::new).src(src);
    }

    /**
     * An apt source line is present in (or absent from) a file in /etc/apt/sources.list.d, named after the URI's host
     * unless given. No change when apt already has the repository in any sources file; absent edits only its own file.
     * Run apt.update afterwards for apt to see it.
     *
     * <p>{@code apt.repo} in /etc/apt/sources.list.d/{@code filename}.
     *
     * @param src the source line
     * @param filename file name in /etc/apt/sources.list.d
     */
    public AptRepoCall repo(String src, String filename) {
        return repo(src).filename(filename);
    }

    /**
     * An apt source line is present in (or absent from) a file in /etc/apt/sources.list.d, named after the URI's host
     * unless given. No change when apt already has the repository in any sources file; absent edits only its own file.
     * Run apt.update afterwards for apt to see it.
     *
     * <p>{@code apt.repo} with every argument in the record's order.
     *
     * @param repo e.g. {@code new AptRepo(line, "example", false)}
     */
    public AptRepoCall repo(AptRepo repo) {
        return PrepareContext.register(repo, AptRepoCall::new);
    }

    /**
     * An apt keyring file (for signed-by) from a local file or a URL, dearmored with gpg when ASCII-armored. No change
     * when the destination exists and, with sha256, has that checksum.
     *
     * <p>{@code apt.key}: a keyring from a URL the host downloads ({@code .url(..)}) or a local file it is
     * uploaded from ({@code .src(..)}), at {@code .dest(..)}; no change once it exists.
     */
    public AptKeyCall key() {
        return PrepareContext.register(AptKeyCall::new);
    }

    /**
     * An apt keyring file (for signed-by) from a local file or a URL, dearmored with gpg when ASCII-armored. No change
     * when the destination exists and, with sha256, has that checksum.
     *
     * <p>{@code apt.key} with every argument in the record's order.
     *
     * @param key e.g. {@code new AptKey(null, "https://example.org/key.asc", "/etc/apt/keyrings/example.gpg", null)}
     */
    public AptKeyCall key(AptKey key) {
        return PrepareContext.register(key, AptKeyCall::new);
    }

    /**
     * A .deb from a URL or a path on the host is installed (dpkg -i, then apt-get install -f for its dependencies),
     * unless its package (at version, if given) already is. Fails when the package is not installed afterwards.
     *
     * <p>{@code apt.deb}: a .deb (URL or path on the host) installed unless {@code packageName} already is.
     *
     * @param src URL or absolute path on the host of the .deb
     * @param packageName the package the .deb installs
     */
    public AptDebCall deb(String src, String packageName) {
        return PrepareContext.register(AptDebCall::new).src(src).packageName(packageName);
    }

    /**
     * A .deb from a URL or a path on the host is installed (dpkg -i, then apt-get install -f for its dependencies),
     * unless its package (at version, if given) already is. Fails when the package is not installed afterwards.
     *
     * <p>{@code apt.deb} with every argument in the record's order.
     *
     * @param deb e.g. {@code new AptDeb(src, "tool", "1.2")}
     */
    public AptDebCall deb(AptDeb deb) {
        return PrepareContext.register(deb, AptDebCall::new);
    }

    /**
     * An Ubuntu PPA (ppa:owner/name) is added with add-apt-repository -y when apt's sources have no entry for it, or
     * removed with --remove. Needs add-apt-repository (package software-properties-common).
     *
     * <p>{@code apt.ppa}: an Ubuntu PPA in apt's sources; {@code .absent()} removes it.
     *
     * @param src the PPA, as ppa:owner/name
     */
    public AptPpaCall ppa(String src) {
        return PrepareContext.register(AptPpaCall::new).src(src);
    }
}
