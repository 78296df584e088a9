package dev.jinfra.deploy;

import dev.jinfra.ops.apt.AptDeb;
import dev.jinfra.ops.apt.AptKey;
import dev.jinfra.ops.apt.AptPackages;
import dev.jinfra.ops.apt.AptRepo;
import dev.jinfra.ops.apt.AptUpdate;
import dev.jinfra.ops.apt.AptUpgrade;
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

    /** apt-get upgrade: always reported as a change. */
    public OperationCall upgrade() {
        return PrepareContext.register(new AptUpgrade(false));
    }

    /** apt-get dist-upgrade: always reported as a change. */
    public OperationCall distUpgrade() {
        return PrepareContext.register(new AptUpgrade(true));
    }

    /** A source line in /etc/apt/sources.list.d/HOST.list, e.g. {@code repo("deb [signed-by=...] https://example.org/debian bookworm main")}. */
    public OperationCall repo(String line) {
        return repo(new AptRepo(line, null, true));
    }

    /** A source line in /etc/apt/sources.list.d/{@code filename}. */
    public OperationCall repo(String line, String filename) {
        return repo(new AptRepo(line, filename, true));
    }

    public OperationCall repo(AptRepo repo) {
        return PrepareContext.register(repo);
    }

    /** The line taken out of /etc/apt/sources.list.d/{@code filename} (null: named after the URI's host). */
    public OperationCall absentRepo(String line, String filename) {
        return repo(new AptRepo(line, filename, false));
    }

    /** A keyring downloaded by the host, dearmored when ASCII-armored; no change once {@code dest} exists. */
    public OperationCall keyFromUrl(String url, String dest) {
        return key(new AptKey(null, url, dest, null));
    }

    /** A keyring uploaded from a local file, dearmored when ASCII-armored; no change once {@code dest} exists. */
    public OperationCall keyFromFile(String src, String dest) {
        return key(new AptKey(src, null, dest, null));
    }

    public OperationCall key(AptKey key) {
        return PrepareContext.register(key);
    }

    /** A .deb (URL or path on the host) installed unless {@code packageName} already is. */
    public OperationCall deb(String src, String packageName) {
        return deb(new AptDeb(src, packageName, null));
    }

    public OperationCall deb(AptDeb deb) {
        return PrepareContext.register(deb);
    }
}
