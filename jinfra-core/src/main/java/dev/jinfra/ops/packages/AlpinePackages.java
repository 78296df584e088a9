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

/** {@code apk.packages}: Alpine packages are added (all missing ones in one apk call) or deleted. */
@Doc(
        name = "apk.packages",
        value = "Alpine packages are added with apk (all missing ones in one call), upgraded with latest, or deleted.",
        example = "apk.packages(\"nginx\", \"curl\").sudo();")
public record AlpinePackages(
        @Arg(value = "package names", required = true) List<String> packages,

        @Arg(value = "whether the packages should be installed", defaultValue = "true")
        boolean present,

        @Arg("add all of them with --upgrade, so installed ones move to the newest version")
        boolean latest)
        implements Operation {

    public AlpinePackages {
        packages = PackageNames.check("apk.packages", packages);
    }

    @Override
    public String describe() {
        return (present ? "Install packages: " : "Remove packages: ") + String.join(", ", packages);
    }

    @Override
    public Plan plan(FactSource facts) {
        Map<String, String> installed = facts.get(new ApkPackages());
        List<String> todo = new ArrayList<>();
        for (String p : packages) {
            // Like apt: latest cannot be judged from the installed list, so apk is asked and upgrades what it can.
            if (present ? latest || !installed.containsKey(p) : installed.containsKey(p)) {
                todo.add(p);
            }
        }
        if (todo.isEmpty()) {
            return Plan.noChange(PackageNames.state(packages, present));
        }
        // apk has no "--"; no name starts with '-' (checked above).
        List<String> words = new ArrayList<>(List.of("apk", present ? "add" : "del"));
        if (present && latest) {
            words.add("--upgrade");
        }
        words.addAll(todo);
        return Plan.run(Command.of(words));
    }
}
