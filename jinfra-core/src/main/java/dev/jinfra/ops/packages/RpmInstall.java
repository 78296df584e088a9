package dev.jinfra.ops.packages;

import dev.jinfra.api.FactSource;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The plan dnf and yum share: they differ only in the program and its word for upgrading. */
final class RpmInstall {
    private RpmInstall() {}

    static Plan plan(
            String program,
            String upgradeWord,
            List<String> packages,
            boolean present,
            boolean latest,
            FactSource facts) {
        Map<String, String> installed = facts.get(new RpmPackages());
        List<String> missing = new ArrayList<>();
        List<String> there = new ArrayList<>();
        for (String p : packages) {
            (installed.containsKey(p) ? there : missing).add(p);
        }
        List<Command> commands = new ArrayList<>();
        if (!present) {
            if (!there.isEmpty()) {
                commands.add(call(program, "remove", there));
            }
        } else {
            if (!missing.isEmpty()) {
                commands.add(call(program, "install", missing));
            }
            // rpm cannot tell whether a newer version exists, so latest always asks; the tool upgrades only
            // what it can. Missing ones were just installed at their newest.
            if (latest && !there.isEmpty()) {
                commands.add(call(program, upgradeWord, there));
            }
        }
        return commands.isEmpty() ? Plan.noChange(PackageNames.state(packages, present)) : Plan.run(commands);
    }

    private static Command call(String program, String action, List<String> names) {
        List<String> words = new ArrayList<>(List.of(program, action, "-y", "--"));
        words.addAll(names);
        return Command.of(words);
    }
}
