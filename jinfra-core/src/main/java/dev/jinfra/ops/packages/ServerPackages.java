package dev.jinfra.ops.packages;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.ops.apt.AptPackages;
import java.util.List;

/**
 * {@code server.packages}: packages are installed or removed with whichever of apt, dnf, yum, apk, pacman or
 * zypper the host has; the plan is exactly that operation's. Names are checked by that operation, whose rules differ.
 */
@Doc(
        name = "server.packages",
        value =
                "Packages are installed or removed with the host's package manager (apt, dnf, yum, apk, pacman or zypper).",
        example = "server.packages(\"nginx\", \"curl\").sudo();")
public record ServerPackages(
        @Arg(value = "package names (the same on every package manager the deploy targets)", required = true)
        List<String> packages,

        @Arg(value = "whether the packages should be installed", defaultValue = "true")
        boolean present)
        implements Operation {

    public ServerPackages {
        // The manager's own rules apply at plan time; this keeps only what holds for all of them.
        packages = PackageNames.check("server.packages", packages);
    }

    @Override
    public String describe() {
        return (present ? "Install packages: " : "Remove packages: ") + String.join(", ", packages);
    }

    @Override
    public Plan plan(FactSource facts) {
        String manager = facts.get(new PackageManager());
        if (manager == null) {
            throw new IllegalStateException(
                    "server.packages: the host has none of apt-get, dnf, yum, apk, pacman or zypper");
        }
        Operation specific = switch (manager) {
            case "apt" -> new AptPackages(packages, present, false, false, null);
            case "dnf" -> new DnfPackages(packages, present, false);
            case "yum" -> new YumPackages(packages, present, false);
            case "apk" -> new AlpinePackages(packages, present, false);
            case "pacman" -> new ArchPackages(packages, present, false);
            case "zypper" -> new ZypperPackages(packages, present, false);
            default -> throw new IllegalStateException("server.packages: unknown package manager " + manager);
        };
        return specific.plan(facts);
    }
}
