package dev.jinfra.deploy;

import dev.jinfra.ops.packages.YumPackages;
import dev.jinfra.ops.packages.YumRepo;
import dev.jinfra.ops.packages.YumRpm;
import java.util.List;

/**
 * The {@code yum} operations, as deploy code calls them: {@code yum.packages("nginx")}. Each method takes the
 * operation's first arguments; the others are given by name on the call it returns ({@link OperationCall#arg},
 * {@link OperationCall#absent}), as the reference lists them.
 */
public final class YumOperations {
    /**
     * RPM packages are installed with yum (all missing ones in one call), upgraded with latest, or removed.
     *
     * <p>{@code yum.packages}: installed; {@code .absent()} removes them, {@code .latest(true)} upgrades them.
     *
     * @param packages package names
     */
    public YumPackagesCall packages(String... packages) {
        return PrepareContext.register(YumPackagesCall::new).packages(List.of(packages));
    }

    /**
     * RPM packages are installed with yum (all missing ones in one call), upgraded with latest, or removed.
     *
     * <p>{@code yum.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new YumPackages(List.of("httpd"), true, true)}
     */
    public YumPackagesCall packages(YumPackages packages) {
        return PrepareContext.register(packages, YumPackagesCall::new);
    }

    /**
     * A yum repository file /etc/yum.repos.d/NAME.repo with exactly these settings (rewritten atomically when it
     * differs), or none.
     *
     * <p>{@code yum.repo}: /etc/yum.repos.d/NAME.repo, enabled, packages signed ({@code .gpgkey(url)} for the
     * key).
     *
     * @param name repository id and file name
     * @param baseurl URL of the repository
     */
    public YumRepoCall repo(String name, String baseurl) {
        return PrepareContext.register(YumRepoCall::new).nameArgument(name).baseurl(baseurl);
    }

    /**
     * A yum repository file /etc/yum.repos.d/NAME.repo with exactly these settings (rewritten atomically when it
     * differs), or none.
     *
     * <p>{@code yum.repo} with every argument in the record's order.
     *
     * @param repo e.g. {@code new YumRepo("example", url, "Example", true, true, keyUrl, true)}
     */
    public YumRepoCall repo(YumRepo repo) {
        return PrepareContext.register(repo, YumRepoCall::new);
    }

    /**
     * An .rpm from a URL or a path on the host is installed with yum install, unless its package (at version, if given)
     * already is.
     *
     * <p>{@code yum.rpm}: an .rpm (URL or path on the host) installed unless {@code packageName} already is.
     *
     * @param src URL or absolute path on the host of the .rpm
     * @param packageName the package the .rpm installs
     */
    public YumRpmCall rpm(String src, String packageName) {
        return PrepareContext.register(YumRpmCall::new).src(src).packageName(packageName);
    }

    /**
     * An .rpm from a URL or a path on the host is installed with yum install, unless its package (at version, if given)
     * already is.
     *
     * <p>{@code yum.rpm} with every argument in the record's order.
     *
     * @param rpm e.g. {@code new YumRpm(src, "tool", "1.2-1")}
     */
    public YumRpmCall rpm(YumRpm rpm) {
        return PrepareContext.register(rpm, YumRpmCall::new);
    }

    /**
     * A package signing key is imported with rpm --import from a URL or a path on the host, unless rpm has a key with
     * keyid already. Without keyid it is imported on every run, reported as a change.
     *
     * <p>{@code yum.key}: a signing key imported into rpm, every run; {@code .keyid(id)} imports it only when rpm
     * does not have it.
     *
     * @param src URL or absolute path on the host of the key
     */
    public YumKeyCall key(String src) {
        return PrepareContext.register(YumKeyCall::new).src(src);
    }

    /**
     * A package signing key is imported with rpm --import from a URL or a path on the host, unless rpm has a key with
     * keyid already. Without keyid it is imported on every run, reported as a change.
     *
     * <p>{@code yum.key}: a signing key imported into rpm unless rpm has the key {@code keyid}.
     *
     * @param src URL or absolute path on the host of the key
     * @param keyid the key's id or fingerprint in hex
     */
    public YumKeyCall key(String src, String keyid) {
        return key(src).keyid(keyid);
    }

    /**
     * Updates all installed packages with yum update -y when yum check-update lists updates; no change when it lists
     * none. When check-update fails, the update runs.
     *
     * <p>{@code yum.update}: every installed package is updated, when check-update lists any.
     */
    public YumUpdateCall update() {
        return PrepareContext.register(YumUpdateCall::new);
    }
}
