package dev.jinfra.ops.packages;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code zypper.packages}: SUSE packages are installed with zypper (all missing ones in one call) or removed. */
@Doc(
        name = "zypper.packages",
        value = "SUSE packages are installed with zypper (all missing ones in one call, licenses agreed to), upgraded "
                + "with latest, or removed. Installed packages are read from rpm.",
        example = "zypper.packages(\"nginx\", \"git\").sudo();")
public record ZypperPackages(
        @Arg(value = "package names", required = true) List<String> packages,

        @Arg(value = "whether the packages should be installed", defaultValue = "true")
        boolean present,

        @Arg("also update the installed ones to the newest version available")
        boolean latest)
        implements Operation {

    public ZypperPackages {
        packages = PackageNames.check("zypper.packages", packages);
    }

    @Override
    public String describe() {
        return (present ? "Install packages: " : "Remove packages: ") + String.join(", ", packages);
    }

    @Override
    public Plan plan(FactSource facts) {
        Map<String, String> installed = facts.get(new RpmPackages());
        List<String> missing = new ArrayList<>();
        List<String> there = new ArrayList<>();
        for (String p : packages) {
            (installed.containsKey(p) ? there : missing).add(p);
        }
        List<Command> commands = new ArrayList<>();
        if (!present) {
            if (!there.isEmpty()) {
                commands.add(zypper("remove", there));
            }
        } else {
            if (!missing.isEmpty()) {
                commands.add(zypper("install", missing));
            }
            // rpm cannot tell whether a newer version exists, so latest always asks zypper.
            if (latest && !there.isEmpty()) {
                commands.add(zypper("update", there));
            }
        }
        return commands.isEmpty() ? Plan.noChange(PackageNames.state(packages, present)) : Plan.run(commands);
    }

    /**
     * --non-interactive answers every question with its default, which for a license is no: installing and
     * updating agree to licenses explicitly, or the call would fail. No name starts with '-' (checked above).
     */
    private static Command zypper(String action, List<String> names) {
        List<String> words = new ArrayList<>(List.of("zypper", "--non-interactive", action));
        if (!action.equals("remove")) {
            words.add("--auto-agree-with-licenses");
        }
        words.addAll(names);
        return Command.of(words);
    }
}
