package dev.jinfra.ops.packages;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import java.util.List;
import java.util.regex.Pattern;

/** {@code brew.packages}: Homebrew formulae are installed (all missing ones in one call), upgraded with latest, or removed. */
@Doc(
        name = "brew.packages",
        value =
                "Homebrew formulae are installed with brew install (all missing ones in one call), upgraded with latest, or removed with brew uninstall. Run as the user who owns Homebrew (not root).",
        example = "brew.packages(\"git\", \"openssl@3\");")
public record BrewFormulae(
        @Arg(value = "package names", required = true) List<String> packages,

        @Arg(value = "whether the packages should be installed", defaultValue = "true")
        boolean present,

        @Arg("also upgrade the installed ones (the package manager decides whether a newer version exists)")
        boolean latest)
        implements Operation {

    public BrewFormulae {
        packages = BrewFormulae.check("brew.packages", packages);
    }

    // Formula names hold '@' for versions (python@3.12) and '/' for taps (owner/tap/name); never a leading '-'.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+@/-]*");

    static List<String> check(String operation, List<String> packages) {
        if (packages == null || packages.isEmpty()) {
            throw new IllegalArgumentException(operation + " needs at least one formula");
        }
        for (String p : packages) {
            if (p == null || !NAME.matcher(p).matches()) {
                throw new IllegalArgumentException(operation + ": '" + p + "' is not a formula name");
            }
        }
        return List.copyOf(packages);
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
                facts.get(new BrewPackages()).keySet(),
                List.of("brew", "install"),
                List.of("brew", "upgrade"),
                List.of("brew", "uninstall"));
    }
}
