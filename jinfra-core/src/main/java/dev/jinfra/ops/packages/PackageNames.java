package dev.jinfra.ops.packages;

import java.util.List;
import java.util.regex.Pattern;

/** Checks of package lists, so that a bad name fails when the deploy is prepared. */
final class PackageNames {
    private PackageNames() {}

    // What rpm and apk name packages with; no leading '-', so a name is never read as an option (apk takes no "--").
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]*");

    static List<String> check(String operation, List<String> packages) {
        if (packages == null || packages.isEmpty()) {
            throw new IllegalArgumentException(operation + " needs at least one package");
        }
        for (String p : packages) {
            if (p == null || !NAME.matcher(p).matches()) {
                throw new IllegalArgumentException(operation + ": '" + p + "' is not a package name");
            }
        }
        return List.copyOf(packages);
    }

    /** "nginx is installed", "nginx, curl are not installed". */
    static String state(List<String> packages, boolean present) {
        return String.join(", ", packages)
                + (packages.size() == 1 ? " is" : " are")
                + (present ? " installed" : " not installed");
    }
}
