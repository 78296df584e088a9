package dev.jinfra.ops.packages;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import java.util.List;

/** {@code pkg.packages}: FreeBSD packages are installed (all missing ones in one call), upgraded with latest, or removed. */
@Doc(
        name = "pkg.packages",
        value =
                "FreeBSD packages are installed with pkg install (all missing ones in one call), upgraded with latest, or removed with pkg delete.",
        example = "pkg.packages(\"nginx\", \"git\").sudo();")
public record FreebsdPackages(
        @Arg(value = "package names", required = true) List<String> packages,

        @Arg(value = "whether the packages should be installed", defaultValue = "true")
        boolean present,

        @Arg("also upgrade the installed ones (the package manager decides whether a newer version exists)")
        boolean latest)
        implements Operation {

    public FreebsdPackages {
        packages = PackageNames.check("pkg.packages", packages);
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
                facts.get(new PkgPackages()).keySet(),
                List.of("pkg", "install", "-y"),
                List.of("pkg", "upgrade", "-y"),
                List.of("pkg", "delete", "-y"));
    }
}
