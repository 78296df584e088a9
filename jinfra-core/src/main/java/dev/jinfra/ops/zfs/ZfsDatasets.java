package dev.jinfra.ops.zfs;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Map;

/** Every ZFS file system and volume, name to type, from {@code zfs list -H}; empty without zfs. */
@Doc(value = "ZFS file systems and volumes by name, to their type: filesystem or volume (zfs list); empty without zfs.")
public record ZfsDatasets() implements Fact<Map<String, String>> {
    @Override
    public Command command() {
        return Command.of("zfs", "list", "-H", "-o", "name,type", "-t", "filesystem,volume");
    }

    @Override
    public Map<String, String> parse(String stdout) {
        return Columns.byName(stdout);
    }

    @Override
    public Map<String, String> absent() {
        return Map.of();
    }
}
