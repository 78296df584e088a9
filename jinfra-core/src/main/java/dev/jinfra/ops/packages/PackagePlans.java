package dev.jinfra.ops.packages;

import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The plan every simple package manager shares: one call installs the missing packages, one upgrades the installed
 * ones when latest is asked, one removes them; nothing when the installed set is already as wanted.
 */
final class PackagePlans {
    private PackagePlans() {}

    /**
     * @param install the words before the names that install them, e.g. {@code xbps-install -y}
     * @param upgrade the words before the names that upgrade installed ones; latest always asks the manager,
     *     which alone knows whether a newer version exists
     */
    static Plan plan(
            List<String> packages,
            boolean present,
            boolean latest,
            Collection<String> installed,
            List<String> install,
            List<String> upgrade,
            List<String> remove) {
        List<String> missing = new ArrayList<>();
        List<String> there = new ArrayList<>();
        for (String p : packages) {
            (installed.contains(p) ? there : missing).add(p);
        }
        List<Command> commands = new ArrayList<>();
        if (present && !missing.isEmpty()) {
            commands.add(Command.of(concat(install, missing)));
        }
        if (present && latest && !there.isEmpty()) {
            commands.add(Command.of(concat(upgrade, there)));
        }
        if (!present && !there.isEmpty()) {
            commands.add(Command.of(concat(remove, there)));
        }
        return commands.isEmpty() ? Plan.noChange(PackageNames.state(packages, present)) : Plan.run(commands);
    }

    private static List<String> concat(List<String> head, List<String> names) {
        List<String> words = new ArrayList<>(head);
        words.addAll(names);
        return words;
    }
}
