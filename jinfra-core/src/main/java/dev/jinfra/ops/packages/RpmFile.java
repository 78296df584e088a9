package dev.jinfra.ops.packages;

import dev.jinfra.api.FactSource;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.List;
import java.util.regex.Pattern;

/** The plan dnf.rpm and yum.rpm share: both install a file or URL with the package manager itself. */
final class RpmFile {
    private RpmFile() {}

    // A URL or an absolute path: neither can be read as an option by dnf or yum.
    private static final Pattern SRC = Pattern.compile("(https?|ftp)://\\S+|/[^\\n]*");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._+~^:-]+");

    static void check(String operation, String src, String packageName, String version) {
        if (src == null || !SRC.matcher(src).matches()) {
            throw new IllegalArgumentException(
                    operation + ": src must be an http, https or ftp URL or an absolute path, not '" + src + "'");
        }
        PackageNames.check(operation, List.of(packageName == null ? "" : packageName));
        if (version != null && !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException(operation + ": '" + version + "' is not a package version");
        }
    }

    static Plan plan(String program, String src, String packageName, String version, FactSource facts) {
        String installed = facts.get(new RpmPackages()).get(packageName);
        // RpmPackages reports version-release; a version alone matches any release of it.
        if (installed != null
                && (version == null || installed.equals(version) || installed.startsWith(version + "-"))) {
            return Plan.noChange(packageName + " " + installed + " is installed");
        }
        // dnf and yum read local files and URLs alike and resolve the package's dependencies from the repositories.
        return Plan.run(Command.of(program, "install", "-y", src));
    }
}
