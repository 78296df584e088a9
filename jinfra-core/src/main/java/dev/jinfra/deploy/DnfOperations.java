package dev.jinfra.deploy;

import dev.jinfra.ops.packages.DnfPackages;
import dev.jinfra.ops.packages.DnfRepo;
import dev.jinfra.ops.packages.DnfRpm;
import java.util.List;

/**
 * The {@code dnf} operations, as deploy code calls them: {@code dnf.packages("nginx")}. Each method takes the
 * operation's first arguments; the others are given by name on the call it returns ({@link OperationCall#arg},
 * {@link OperationCall#absent}), as the reference lists them.
 */
public final class DnfOperations {
    /**
     * RPM packages are installed with dnf (all missing ones in one call), upgraded with latest, or removed.
     *
     * <p>{@code dnf.packages}: installed; {@code .absent()} removes them, {@code .latest(true)} upgrades them.
     *
     * @param packages package names
     */
    public DnfPackagesCall packages(String... packages) {
        return PrepareContext.register(DnfPackagesCall::new).packages(List.of(packages));
    }

    /**
     * RPM packages are installed with dnf (all missing ones in one call), upgraded with latest, or removed.
     *
     * <p>{@code dnf.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new DnfPackages(List.of("httpd"), true, true)}
     */
    public DnfPackagesCall packages(DnfPackages packages) {
        return PrepareContext.register(packages, DnfPackagesCall::new);
    }

    /**
     * A dnf repository file /etc/yum.repos.d/NAME.repo with exactly these settings (rewritten atomically when it
     * differs), or none.
     *
     * <p>{@code dnf.repo}: /etc/yum.repos.d/NAME.repo, enabled, packages signed ({@code .gpgkey(url)} for the
     * key).
     *
     * @param name repository id and file name
     * @param baseurl URL of the repository
     */
    public DnfRepoCall repo(String name, String baseurl) {
        return PrepareContext.register(DnfRepoCall::new).nameArgument(name).baseurl(baseurl);
    }

    /**
     * A dnf repository file /etc/yum.repos.d/NAME.repo with exactly these settings (rewritten atomically when it
     * differs), or none.
     *
     * <p>{@code dnf.repo} with every argument in the record's order.
     *
     * @param repo e.g. {@code new DnfRepo("example", url, "Example", true, true, keyUrl, true)}
     */
    public DnfRepoCall repo(DnfRepo repo) {
        return PrepareContext.register(repo, DnfRepoCall::new);
    }

    /**
     * An .rpm from a URL or a path on the host is installed with dnf install, unless its package (at version, if given)
     * already is.
     *
     * <p>{@code dnf.rpm}: an .rpm (URL or path on the host) installed unless {@code packageName} already is.
     *
     * @param src URL or absolute path on the host of the .rpm
     * @param packageName the package the .rpm installs
     */
    public DnfRpmCall rpm(String src, String packageName) {
        return PrepareContext.register(DnfRpmCall::new).src(src).packageName(packageName);
    }

    /**
     * An .rpm from a URL or a path on the host is installed with dnf install, unless its package (at version, if given)
     * already is.
     *
     * <p>{@code dnf.rpm} with every argument in the record's order.
     *
     * @param rpm e.g. {@code new DnfRpm(src, "tool", "1.2-1")}
     */
    public DnfRpmCall rpm(DnfRpm rpm) {
        return PrepareContext.register(rpm, DnfRpmCall::new);
    }

    /**
     * A package signing key is imported with rpm --import from a URL or a path on the host, unless rpm has a key with
     * keyid already. Without keyid it is imported on every run, reported as a change.
     *
     * <p>{@code dnf.key}: a signing key imported into rpm, every run; {@code .keyid(id)} imports it only when rpm
     * does not have it.
     *
     * @param src URL or absolute path on the host of the key
     */
    public DnfKeyCall key(String src) {
        return PrepareContext.register(DnfKeyCall::new).src(src);
    }

    /**
     * A package signing key is imported with rpm --import from a URL or a path on the host, unless rpm has a key with
     * keyid already. Without keyid it is imported on every run, reported as a change.
     *
     * <p>{@code dnf.key}: a signing key imported into rpm unless rpm has the key {@code keyid}.
     *
     * @param src URL or absolute path on the host of the key
     * @param keyid the key's id or fingerprint in hex
     */
    public DnfKeyCall key(String src, String keyid) {
        return key(src).keyid(keyid);
    }

    /**
     * Updates all installed packages with dnf upgrade -y when dnf check-update lists updates; no change when it lists
     * none. When check-update fails, the update runs.
     *
     * <p>{@code dnf.update}: every installed package is updated, when check-update lists any.
     */
    public DnfUpdateCall update() {
        return PrepareContext.register(DnfUpdateCall::new);
    }
}
