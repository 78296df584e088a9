package dev.jinfra.deploy;

import dev.jinfra.ops.packages.AlpinePackages;
import dev.jinfra.ops.packages.DnfPackages;
import dev.jinfra.ops.packages.DnfRepo;
import dev.jinfra.ops.packages.DnfRpm;
import dev.jinfra.ops.packages.ServerPackages;
import dev.jinfra.ops.packages.YumPackages;
import dev.jinfra.ops.packages.YumRepo;
import dev.jinfra.ops.packages.YumRpm;
import java.util.List;

/** Package operations beyond apt, as deploy code sees them; {@code install} uses whatever the host has. */
public final class PackageOperations {
    /** Installed with the host's package manager (apt, dnf, yum or apk). */
    public OperationCall install(String... names) {
        return PrepareContext.register(new ServerPackages(List.of(names), true));
    }

    /** Removed with the host's package manager. */
    public OperationCall remove(String... names) {
        return PrepareContext.register(new ServerPackages(List.of(names), false));
    }

    public OperationCall dnf(String... names) {
        return dnf(new DnfPackages(List.of(names), true, false));
    }

    public OperationCall dnf(DnfPackages packages) {
        return PrepareContext.register(packages);
    }

    public OperationCall yum(String... names) {
        return yum(new YumPackages(List.of(names), true, false));
    }

    public OperationCall yum(YumPackages packages) {
        return PrepareContext.register(packages);
    }

    public OperationCall apk(String... names) {
        return apk(new AlpinePackages(List.of(names), true, false));
    }

    public OperationCall apk(AlpinePackages packages) {
        return PrepareContext.register(packages);
    }

    /** /etc/yum.repos.d/NAME.repo for dnf: enabled, packages signed (give the key with {@link DnfRepo} in full). */
    public OperationCall dnfRepo(String name, String baseurl) {
        return dnfRepo(new DnfRepo(name, baseurl, null, true, true, null, true));
    }

    public OperationCall dnfRepo(DnfRepo repo) {
        return PrepareContext.register(repo);
    }

    /** /etc/yum.repos.d/NAME.repo for yum: enabled, packages signed (give the key with {@link YumRepo} in full). */
    public OperationCall yumRepo(String name, String baseurl) {
        return yumRepo(new YumRepo(name, baseurl, null, true, true, null, true));
    }

    public OperationCall yumRepo(YumRepo repo) {
        return PrepareContext.register(repo);
    }

    /** An .rpm (URL or path on the host) installed with dnf unless {@code packageName} already is. */
    public OperationCall dnfRpm(String src, String packageName) {
        return dnfRpm(new DnfRpm(src, packageName, null));
    }

    public OperationCall dnfRpm(DnfRpm rpm) {
        return PrepareContext.register(rpm);
    }

    /** An .rpm (URL or path on the host) installed with yum unless {@code packageName} already is. */
    public OperationCall yumRpm(String src, String packageName) {
        return yumRpm(new YumRpm(src, packageName, null));
    }

    public OperationCall yumRpm(YumRpm rpm) {
        return PrepareContext.register(rpm);
    }
}
