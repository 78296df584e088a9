package dev.jinfra.ops;

import dev.jinfra.deploy.OperationCall;
import dev.jinfra.deploy.PrepareContext;
import dev.jinfra.ops.apt.AptPackages;
import dev.jinfra.ops.apt.AptUpdate;
import java.util.List;

/** The {@code apt} operation family, as deploy code sees it. */
public final class AptOperations {
    /** Packages installed (any version, or {@code name=version}). */
    public OperationCall packages(String... names) {
        return packages(new AptPackages(List.of(names), true, false, false, null));
    }

    /** Packages described in full: presence, latest, an update first and its cache age. */
    public OperationCall packages(AptPackages packages) {
        return PrepareContext.register(packages);
    }

    /** Packages installed after refreshing lists older than {@code cacheAgeSeconds}. */
    public OperationCall packagesAfterUpdate(int cacheAgeSeconds, String... names) {
        return packages(new AptPackages(List.of(names), true, false, true, cacheAgeSeconds));
    }

    public OperationCall absentPackages(String... names) {
        return packages(new AptPackages(List.of(names), false, false, false, null));
    }

    public OperationCall update() {
        return PrepareContext.register(new AptUpdate(null));
    }

    /** Refreshes the lists only when they are older than {@code cacheAgeSeconds}. */
    public OperationCall update(int cacheAgeSeconds) {
        return PrepareContext.register(new AptUpdate(cacheAgeSeconds));
    }
}
