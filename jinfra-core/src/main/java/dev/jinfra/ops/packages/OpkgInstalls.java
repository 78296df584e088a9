package dev.jinfra.ops.packages;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import java.util.List;

/** {@code opkg.packages}: opkg packages are installed (all missing ones in one call), upgraded with latest, or removed. */
@Doc(
        name = "opkg.packages",
        value =
                "OpenWrt/Yocto packages are installed with opkg (all missing ones in one call), upgraded with latest, or removed. Run opkg.update first on OpenWrt, whose package lists live in RAM.",
        example = "opkg.packages(\"tcpdump\");")
public record OpkgInstalls(
        @Arg(value = "package names", required = true) List<String> packages,

        @Arg(value = "whether the packages should be installed", defaultValue = "true")
        boolean present,

        @Arg("also upgrade the installed ones (the package manager decides whether a newer version exists)")
        boolean latest)
        implements Operation {

    public OpkgInstalls {
        packages = PackageNames.check("opkg.packages", packages);
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
                facts.get(new OpkgPackages()).keySet(),
                List.of("opkg", "install"),
                List.of("opkg", "upgrade"),
                List.of("opkg", "remove"));
    }
}
