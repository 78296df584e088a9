package dev.jinfra.deploy;

import dev.jinfra.ops.packages.YumPackages;
import dev.jinfra.ops.packages.YumRepo;
import dev.jinfra.ops.packages.YumRpm;
import java.util.List;

/** The {@code yum} operations, as deploy code calls them: {@code yum.packages("nginx")}. */
public final class YumOperations {
    /** {@code yum.packages}: installed. */
    public OperationCall packages(String... names) {
        return packages(new YumPackages(List.of(names), true, false));
    }

    /** {@code yum.packages}, every argument given. */
    public OperationCall packages(YumPackages packages) {
        return PrepareContext.register(packages);
    }

    /** {@code yum.repo}: /etc/yum.repos.d/NAME.repo, enabled, packages signed (give the key with {@link YumRepo} in full). */
    public OperationCall repo(String name, String baseurl) {
        return repo(new YumRepo(name, baseurl, null, true, true, null, true));
    }

    /** {@code yum.repo}, every argument given. */
    public OperationCall repo(YumRepo repo) {
        return PrepareContext.register(repo);
    }

    /** {@code yum.rpm}: an .rpm (URL or path on the host) installed unless {@code packageName} already is. */
    public OperationCall rpm(String src, String packageName) {
        return rpm(new YumRpm(src, packageName, null));
    }

    /** {@code yum.rpm}, every argument given. */
    public OperationCall rpm(YumRpm rpm) {
        return PrepareContext.register(rpm);
    }
}
