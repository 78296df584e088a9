package dev.jinfra.ops.packages;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import java.util.List;

/** {@code dnf.packages}: RPM packages are installed with dnf (all missing ones in one call) or removed. */
@Doc(
        name = "dnf.packages",
        value = "RPM packages are installed with dnf (all missing ones in one call), upgraded with latest, or removed.",
        example = "dnf.packages(\"httpd\", \"git\").sudo();")
public record DnfPackages(
        @Arg(value = "package names", required = true) List<String> packages,

        @Arg(value = "whether the packages should be installed", defaultValue = "true")
        boolean present,

        @Arg("also upgrade the installed ones to the newest version available")
        boolean latest)
        implements Operation {

    public DnfPackages {
        packages = PackageNames.check("dnf.packages", packages);
    }

    @Override
    public String describe() {
        return (present ? "Install packages: " : "Remove packages: ") + String.join(", ", packages);
    }

    @Override
    public Plan plan(FactSource facts) {
        return RpmInstall.plan("dnf", "upgrade", packages, present, latest, facts);
    }
}
