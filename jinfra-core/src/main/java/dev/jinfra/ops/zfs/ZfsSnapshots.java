package dev.jinfra.ops.zfs;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Set;
import java.util.TreeSet;

/** Every ZFS snapshot by its full name (pool/dataset@snapshot), from {@code zfs list -H}; empty without zfs. */
@Doc(value = "ZFS snapshots by full name, pool/dataset@snapshot (zfs list -t snapshot); empty without zfs.")
public record ZfsSnapshots() implements Fact<Set<String>> {
    @Override
    public Command command() {
        return Command.of("zfs", "list", "-H", "-o", "name", "-t", "snapshot");
    }

    @Override
    public Set<String> parse(String stdout) {
        Set<String> snapshots = new TreeSet<>();
        for (String line : stdout.split("\n")) {
            // "no datasets available" goes to standard error; a line here without '@' is no snapshot.
            if (line.contains("@")) {
                snapshots.add(line.strip());
            }
        }
        return snapshots;
    }

    @Override
    public Set<String> absent() {
        return Set.of();
    }
}
