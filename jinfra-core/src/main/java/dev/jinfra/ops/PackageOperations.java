package dev.jinfra.ops;

import dev.jinfra.deploy.OperationCall;
import dev.jinfra.deploy.PrepareContext;
import dev.jinfra.ops.packages.AlpinePackages;
import dev.jinfra.ops.packages.DnfPackages;
import dev.jinfra.ops.packages.ServerPackages;
import dev.jinfra.ops.packages.YumPackages;
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
}
