package dev.jinfra.deploy;

import dev.jinfra.ops.packages.ZypperPackages;
import dev.jinfra.ops.packages.ZypperRepo;
import java.util.List;

/**
 * The {@code zypper} operations, as deploy code calls them: {@code zypper.packages("nginx")}. Other arguments are given
 * by name on the call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class ZypperOperations {
    /**
     * SUSE packages are installed with zypper (all missing ones in one call, licenses agreed to), upgraded with latest,
     * or removed. Installed packages are read from rpm.
     *
     * <p>{@code zypper.packages}: installed; {@code .absent()} removes them, {@code .latest(true)} updates them.
     *
     * @param packages package names
     */
    public ZypperPackagesCall packages(String... packages) {
        return PrepareContext.register(ZypperPackagesCall::new).packages(List.of(packages));
    }

    /**
     * SUSE packages are installed with zypper (all missing ones in one call, licenses agreed to), upgraded with latest,
     * or removed. Installed packages are read from rpm.
     *
     * <p>{@code zypper.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new ZypperPackages(List.of("nginx"), true, false)}
     */
    public ZypperPackagesCall packages(ZypperPackages packages) {
        return PrepareContext.register(packages, ZypperPackagesCall::new);
    }

    /**
     * A zypper repository file /etc/zypp/repos.d/NAME.repo with exactly these settings (rewritten atomically when it
     * differs), or none.
     *
     * <p>{@code zypper.repo}: /etc/zypp/repos.d/NAME.repo, enabled, refreshed automatically, packages signed
     * ({@code .gpgkey(url)} for the key).
     *
     * @param name repository alias and file name
     * @param baseurl URL of the repository
     */
    public ZypperRepoCall repo(String name, String baseurl) {
        return PrepareContext.register(ZypperRepoCall::new).nameArgument(name).baseurl(baseurl);
    }

    /**
     * A zypper repository file /etc/zypp/repos.d/NAME.repo with exactly these settings (rewritten atomically when it
     * differs), or none.
     *
     * <p>{@code zypper.repo} with every argument in the record's order.
     *
     * @param repo e.g. {@code new ZypperRepo("example", url, "Example", true, true, keyUrl, true)}
     */
    public ZypperRepoCall repo(ZypperRepo repo) {
        return PrepareContext.register(repo, ZypperRepoCall::new);
    }
}
