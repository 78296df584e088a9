package dev.jinfra.deploy;

import dev.jinfra.ops.apt.AptDeb;
import dev.jinfra.ops.apt.AptKey;
import dev.jinfra.ops.apt.AptPackages;
import dev.jinfra.ops.apt.AptPpa;
import dev.jinfra.ops.apt.AptRepo;
import dev.jinfra.ops.apt.AptUpdate;
import dev.jinfra.ops.apt.AptUpgrade;
import java.util.List;

/**
 * The {@code apt} operations, as deploy code calls them: {@code apt.packages("nginx").arg("update", true)}. Each
 * method takes the operation's first arguments; the others are given by name on the call it returns
 * ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class AptOperations {
    /**
     * {@code apt.packages}: installed (any version, or {@code name=version}); {@code .absent()} removes them,
     * {@code .arg("update", true)} refreshes the lists first.
     *
     * @param packages package names, each optionally pinned as name=version
     */
    public OperationCall packages(String... packages) {
        return PrepareContext.register(AptPackages.class).arg("packages", List.of(packages));
    }

    /**
     * {@code apt.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new AptPackages(List.of("nginx"), true, false, true, 3600)}
     */
    public OperationCall packages(AptPackages packages) {
        return PrepareContext.register(packages);
    }

    /** {@code apt.update}: refreshes the package lists. */
    public OperationCall update() {
        return PrepareContext.register(AptUpdate.class);
    }

    /**
     * {@code apt.update}, only when the lists are older than {@code cacheAgeSeconds}.
     *
     * @param cacheAgeSeconds skip the update when the lists are younger than this many seconds
     */
    public OperationCall update(int cacheAgeSeconds) {
        return update().arg("cacheAgeSeconds", cacheAgeSeconds);
    }

    /** {@code apt.upgrade}: apt-get upgrade, always reported as a change; {@code .arg("distUpgrade", true)} for dist-upgrade. */
    public OperationCall upgrade() {
        return PrepareContext.register(AptUpgrade.class);
    }

    /**
     * {@code apt.repo}: a source line in /etc/apt/sources.list.d/HOST.list, e.g.
     * {@code repo("deb [signed-by=...] https://example.org/debian bookworm main")}; {@code .absent()} takes it out.
     *
     * @param src the source line
     */
    public OperationCall repo(String src) {
        return PrepareContext.register(AptRepo.class).arg("src", src);
    }

    /**
     * {@code apt.repo} in /etc/apt/sources.list.d/{@code filename}.
     *
     * @param src the source line
     * @param filename file name in /etc/apt/sources.list.d
     */
    public OperationCall repo(String src, String filename) {
        return repo(src).arg("filename", filename);
    }

    /**
     * {@code apt.repo} with every argument in the record's order.
     *
     * @param repo e.g. {@code new AptRepo(line, "example", false)}
     */
    public OperationCall repo(AptRepo repo) {
        return PrepareContext.register(repo);
    }

    /**
     * {@code apt.key}: a keyring from a URL the host downloads ({@code .arg("url", ..)}) or a local file it is
     * uploaded from ({@code .arg("src", ..)}), at {@code .arg("dest", ..)}; no change once it exists.
     */
    public OperationCall key() {
        return PrepareContext.register(AptKey.class);
    }

    /**
     * {@code apt.key} with every argument in the record's order.
     *
     * @param key e.g. {@code new AptKey(null, "https://example.org/key.asc", "/etc/apt/keyrings/example.gpg", null)}
     */
    public OperationCall key(AptKey key) {
        return PrepareContext.register(key);
    }

    /**
     * {@code apt.deb}: a .deb (URL or path on the host) installed unless {@code packageName} already is.
     *
     * @param src URL or absolute path on the host of the .deb
     * @param packageName the package the .deb installs
     */
    public OperationCall deb(String src, String packageName) {
        return PrepareContext.register(AptDeb.class).arg("src", src).arg("packageName", packageName);
    }

    /**
     * {@code apt.deb} with every argument in the record's order.
     *
     * @param deb e.g. {@code new AptDeb(src, "tool", "1.2")}
     */
    public OperationCall deb(AptDeb deb) {
        return PrepareContext.register(deb);
    }

    /**
     * {@code apt.ppa}: an Ubuntu PPA in apt's sources; {@code .absent()} removes it.
     *
     * @param src the PPA, as ppa:owner/name
     */
    public OperationCall ppa(String src) {
        return PrepareContext.register(AptPpa.class).arg("src", src);
    }
}
