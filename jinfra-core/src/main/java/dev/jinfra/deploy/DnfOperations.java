package dev.jinfra.deploy;

import dev.jinfra.ops.packages.DnfKey;
import dev.jinfra.ops.packages.DnfPackages;
import dev.jinfra.ops.packages.DnfRepo;
import dev.jinfra.ops.packages.DnfRpm;
import dev.jinfra.ops.packages.DnfUpdate;
import java.util.List;

/**
 * The {@code dnf} operations, as deploy code calls them: {@code dnf.packages("nginx")}. Each method takes the
 * operation's first arguments; the others are given by name on the call it returns ({@link OperationCall#arg},
 * {@link OperationCall#absent}), as the reference lists them.
 */
public final class DnfOperations {
    /**
     * {@code dnf.packages}: installed; {@code .absent()} removes them, {@code .arg("latest", true)} upgrades them.
     *
     * @param packages package names
     */
    public OperationCall packages(String... packages) {
        return PrepareContext.register(DnfPackages.class).arg("packages", List.of(packages));
    }

    /**
     * {@code dnf.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new DnfPackages(List.of("httpd"), true, true)}
     */
    public OperationCall packages(DnfPackages packages) {
        return PrepareContext.register(packages);
    }

    /**
     * {@code dnf.repo}: /etc/yum.repos.d/NAME.repo, enabled, packages signed ({@code .arg("gpgkey", url)} for the
     * key).
     *
     * @param name repository id and file name
     * @param baseurl URL of the repository
     */
    public OperationCall repo(String name, String baseurl) {
        return PrepareContext.register(DnfRepo.class).arg("name", name).arg("baseurl", baseurl);
    }

    /**
     * {@code dnf.repo} with every argument in the record's order.
     *
     * @param repo e.g. {@code new DnfRepo("example", url, "Example", true, true, keyUrl, true)}
     */
    public OperationCall repo(DnfRepo repo) {
        return PrepareContext.register(repo);
    }

    /**
     * {@code dnf.rpm}: an .rpm (URL or path on the host) installed unless {@code packageName} already is.
     *
     * @param src URL or absolute path on the host of the .rpm
     * @param packageName the package the .rpm installs
     */
    public OperationCall rpm(String src, String packageName) {
        return PrepareContext.register(DnfRpm.class).arg("src", src).arg("packageName", packageName);
    }

    /**
     * {@code dnf.rpm} with every argument in the record's order.
     *
     * @param rpm e.g. {@code new DnfRpm(src, "tool", "1.2-1")}
     */
    public OperationCall rpm(DnfRpm rpm) {
        return PrepareContext.register(rpm);
    }

    /**
     * {@code dnf.key}: a signing key imported into rpm, every run; {@code .arg("keyid", id)} imports it only when rpm
     * does not have it.
     *
     * @param src URL or absolute path on the host of the key
     */
    public OperationCall key(String src) {
        return PrepareContext.register(DnfKey.class).arg("src", src);
    }

    /**
     * {@code dnf.key}: a signing key imported into rpm unless rpm has the key {@code keyid}.
     *
     * @param src URL or absolute path on the host of the key
     * @param keyid the key's id or fingerprint in hex
     */
    public OperationCall key(String src, String keyid) {
        return key(src).arg("keyid", keyid);
    }

    /** {@code dnf.update}: every installed package is updated, when check-update lists any. */
    public OperationCall update() {
        return PrepareContext.register(DnfUpdate.class);
    }
}
