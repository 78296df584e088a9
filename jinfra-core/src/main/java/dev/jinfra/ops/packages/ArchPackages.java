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

/** {@code pacman.packages}: Arch Linux packages are installed (all missing ones in one pacman call) or removed. */
@Doc(
        name = "pacman.packages",
        value =
                "Arch Linux packages are installed with pacman (all missing ones in one call), upgraded with latest, or "
                        + "removed. Names are package names, as pacman -Q lists them (not groups or virtual names).",
        example = "pacman.packages(\"nginx\", \"git\").sudo();")
public record ArchPackages(
        @Arg(value = "package names", required = true) List<String> packages,

        @Arg(value = "whether the packages should be installed", defaultValue = "true")
        boolean present,

        @Arg("also upgrade the installed ones that are out of date (pacman -S --needed on all of them)")
        boolean latest)
        implements Operation {

    public ArchPackages {
        packages = PackageNames.check("pacman.packages", packages);
    }

    @Override
    public String describe() {
        return (present ? "Install packages: " : "Remove packages: ") + String.join(", ", packages);
    }

    @Override
    public Plan plan(FactSource facts) {
        Map<String, String> installed = facts.get(new PacmanPackages());
        List<String> todo = new ArrayList<>();
        for (String p : packages) {
            // As elsewhere, whether a newer version exists is only known to pacman: latest always asks it.
            if (present ? latest || !installed.containsKey(p) : installed.containsKey(p)) {
                todo.add(p);
            }
        }
        if (todo.isEmpty()) {
            return Plan.noChange(PackageNames.state(packages, present));
        }
        // --needed: with latest, packages already at the newest version are not installed again.
        List<String> words = new ArrayList<>(
                present ? List.of("pacman", "-S", "--noconfirm", "--needed") : List.of("pacman", "-R", "--noconfirm"));
        words.add("--");
        words.addAll(todo);
        return Plan.run(Command.of(words));
    }
}
