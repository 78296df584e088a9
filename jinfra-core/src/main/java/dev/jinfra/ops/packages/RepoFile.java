package dev.jinfra.ops.packages;

import dev.jinfra.api.FactSource;
import dev.jinfra.api.Plan;
import dev.jinfra.api.UnifiedDiff;
import dev.jinfra.command.Command;
import dev.jinfra.ops.files.FileContent;
import dev.jinfra.ops.files.Uploads;
import java.util.regex.Pattern;

/**
 * A repository file in /etc/yum.repos.d, which dnf and yum read alike, or in /etc/zypp/repos.d, where zypper reads
 * the same format: rendered from the arguments the same way every time, so comparing it with the host's file tells
 * whether anything changed.
 *
 * @param autorefresh written for zypper, which otherwise refreshes a repository's metadata only when asked
 */
record RepoFile(
        String directory,
        String name,
        String baseurl,
        String description,
        boolean enabled,
        boolean gpgcheck,
        String gpgkey,
        boolean autorefresh,
        boolean present) {
    static final String YUM = "/etc/yum.repos.d";
    static final String ZYPPER = "/etc/zypp/repos.d";

    // Repository ids as dnf accepts them; also a safe file name.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:-]*");

    static void check(
            String operation, String name, String baseurl, String description, String gpgkey, boolean present) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    operation + ": '" + name + "' is not a repository name (letters, digits, _ . : -)");
        }
        if (present && (baseurl == null || baseurl.isBlank())) {
            throw new IllegalArgumentException(operation + ": " + name + " needs a baseurl");
        }
        for (String value : new String[] {baseurl, description, gpgkey}) {
            if (value != null && (value.contains("\n") || value.contains("\r"))) {
                throw new IllegalArgumentException(operation + ": values must be single lines: '" + value + "'");
            }
        }
    }

    String path() {
        return directory + "/" + name + ".repo";
    }

    String render() {
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(name).append("]\n");
        sb.append("name=")
                .append(description == null || description.isBlank() ? name : description.strip())
                .append('\n');
        sb.append("baseurl=").append(baseurl.strip()).append('\n');
        sb.append("enabled=").append(enabled ? 1 : 0).append('\n');
        if (autorefresh) {
            sb.append("autorefresh=1\n");
        }
        sb.append("gpgcheck=").append(gpgcheck ? 1 : 0).append('\n');
        if (gpgkey != null && !gpgkey.isBlank()) {
            sb.append("gpgkey=").append(gpgkey.strip()).append('\n');
        }
        return sb.toString();
    }

    Plan plan(FactSource facts) {
        String current = facts.get(new FileContent(path()));
        if (!present) {
            return current == null
                    ? Plan.noChange(path() + " does not exist")
                    : Plan.run(Command.of("rm", "-f", "--", path()));
        }
        String wanted = render();
        return wanted.equals(current)
                ? Plan.noChange(path() + " is up to date")
                : Uploads.install(wanted, path(), "644");
    }

    String diff(FactSource facts) {
        String current = facts.get(new FileContent(path()));
        String wanted = present ? render() : "";
        return current == null && !present || wanted.equals(current) ? null : UnifiedDiff.of(path(), current, wanted);
    }
}
