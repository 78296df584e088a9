package dev.jinfra.ops.packages;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import java.util.List;

/** {@code xbps.packages}: Void Linux packages are installed (all missing ones in one call), upgraded with latest, or removed. */
@Doc(
        name = "xbps.packages",
        value =
                "Void Linux packages are installed with xbps-install (all missing ones in one call), upgraded with latest, or removed with xbps-remove.",
        example = "xbps.packages(\"nginx\", \"git\").sudo();")
public record VoidPackages(
        @Arg(value = "package names", required = true) List<String> packages,

        @Arg(value = "whether the packages should be installed", defaultValue = "true")
        boolean present,

        @Arg("also upgrade the installed ones (the package manager decides whether a newer version exists)")
        boolean latest)
        implements Operation {

    public VoidPackages {
        packages = PackageNames.check("xbps.packages", packages);
    }

    @Override
    public String describe() {
        return (present ? "Install packages: " : "Remove packages: ") + String.join(", ", packages);
    }

    @Override
    public Plan plan(FactSource facts) {
        return PackagePlans.plan(
                packages,
                present,
                latest,
                facts.get(new XbpsPackages()).keySet(),
                List.of("xbps-install", "-y"),
                List.of("xbps-install", "-y", "-u"),
                List.of("xbps-remove", "-y"));
    }
}
