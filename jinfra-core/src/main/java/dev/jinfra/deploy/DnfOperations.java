package dev.jinfra.deploy;

import dev.jinfra.ops.packages.DnfPackages;
import dev.jinfra.ops.packages.DnfRepo;
import dev.jinfra.ops.packages.DnfRpm;
import java.util.List;

/** The {@code dnf} operations, as deploy code calls them: {@code dnf.packages("nginx")}. */
public final class DnfOperations {
    /** {@code dnf.packages}: installed. */
    public OperationCall packages(String... names) {
        return packages(new DnfPackages(List.of(names), true, false));
    }

    /** {@code dnf.packages}, every argument given. */
    public OperationCall packages(DnfPackages packages) {
        return PrepareContext.register(packages);
    }

    /** {@code dnf.repo}: /etc/yum.repos.d/NAME.repo, enabled, packages signed (give the key with {@link DnfRepo} in full). */
    public OperationCall repo(String name, String baseurl) {
        return repo(new DnfRepo(name, baseurl, null, true, true, null, true));
    }

    /** {@code dnf.repo}, every argument given. */
    public OperationCall repo(DnfRepo repo) {
        return PrepareContext.register(repo);
    }

    /** {@code dnf.rpm}: an .rpm (URL or path on the host) installed unless {@code packageName} already is. */
    public OperationCall rpm(String src, String packageName) {
        return rpm(new DnfRpm(src, packageName, null));
    }

    /** {@code dnf.rpm}, every argument given. */
    public OperationCall rpm(DnfRpm rpm) {
        return PrepareContext.register(rpm);
    }
}
