package dev.jinfra.ops.apt;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code apt.deb}: a .deb file's package is installed. The package name (and version) is what makes it
 * idempotent: a .deb cannot be looked into before it is on the host, so the installed packages decide.
 */
@Doc(
        name = "apt.deb",
        value =
                "A .deb from a URL or a path on the host is installed (dpkg -i, then apt-get install -f for its dependencies), "
                        + "unless its package (at version, if given) already is. Fails when the package is not installed afterwards.",
        example = "apt.deb(\"https://example.org/tool_1.2_amd64.deb\", \"tool\").sudo();")
public record AptDeb(
        @Arg(value = "URL (http, https, ftp) or absolute path on the host of the .deb", required = true)
        String src,

        @Arg(value = "the package the .deb installs, e.g. tool", required = true)
        String packageName,

        @Arg("the version it installs, as dpkg shows it; any installed version will do when not given")
        String version)
        implements Operation {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9.+~:-]+");

    // $1 the .deb (URL or path), $2 the package, $3 the version or empty. dpkg -i fails when dependencies are
    // missing and leaves the package unconfigured; apt-get install -f then brings them in, or removes the package
    // when it cannot, which is why the result is checked at the end. Both get the conffile answers apt.packages
    // gives, so a configuration file changed on the host never makes them ask.
    private static final String INSTALL = "if ! dpkg " + String.join(" ", AptGet.CONFFILES) + " -i \"$f\"; then "
            + AptGet.shellWords() + " install -f -y; fi; "
            + "case \"$(dpkg-query -W -f '${db:Status-Abbrev}' \"$2\" 2>/dev/null)\" in ?i*) ;; "
            + "*) echo \"$2 is not installed after installing $1\" >&2; exit 1;; esac; "
            + "if [ -n \"$3\" ] && [ \"$(dpkg-query -W -f '${Version}' \"$2\")\" != \"$3\" ]; then "
            + "echo \"$1 did not install $2 $3\" >&2; exit 1; fi";

    public AptDeb {
        if (src == null || !(Downloads.isUrl(src) || src.startsWith("/") && !src.contains("\n"))) {
            throw new IllegalArgumentException(
                    "apt.deb: src must be an http, https or ftp URL or an absolute path, not '" + src + "'");
        }
        if (packageName == null || !NAME.matcher(packageName).matches()) {
            throw new IllegalArgumentException("apt.deb: '" + packageName + "' is not a package name");
        }
        if (version != null && !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("apt.deb: '" + version + "' is not a package version");
        }
    }

    @Override
    public String describe() {
        return "Install deb: " + src;
    }

    @Override
    public Plan plan(FactSource facts) {
        String installed = facts.get(new DebPackages(List.of(packageName))).get(packageName);
        if (installed != null && (version == null || version.equals(installed))) {
            return Plan.noChange(packageName + " " + installed + " is installed");
        }
        String script = Downloads.isUrl(src)
                // Downloaded to a temporary file that goes whatever happens.
                ? "set -e; t=$(mktemp); trap 'rm -f -- \"$t\"' EXIT; " + Downloads.fetch("apt.deb", facts) + "; f=$t; "
                        + INSTALL
                : "f=$1; " + INSTALL;
        return Plan.run(Command.of("sh", "-c", script, "sh", src, packageName, version == null ? "" : version)
                .env("DEBIAN_FRONTEND", "noninteractive"));
    }
}
