package dev.jinfra.ops.zfs;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.regex.Pattern;

/** {@code zfs.snapshot}: a named snapshot of a dataset exists (taken once) or is destroyed. */
@Doc(
        name = "zfs.snapshot",
        value = "A snapshot dataset@name exists (zfs snapshot, once; recursive takes its children's too) or not (zfs "
                + "destroy).",
        example = "zfs.snapshot(\"tank/srv@before-upgrade\").sudo();")
public record ZfsSnapshot(
        @Arg(value = "the snapshot, dataset@name, e.g. tank/srv@before-upgrade", required = true)
        String name,

        @Arg(value = "whether the snapshot should exist", defaultValue = "true")
        boolean present,

        @Arg("also the children's snapshots of that name (zfs snapshot -r, zfs destroy -r)")
        boolean recursive)
        implements Operation {

    private static final Pattern SNAPSHOT_NAME = Pattern.compile("[A-Za-z0-9_.:-]+");

    public ZfsSnapshot {
        int at = name == null ? -1 : name.indexOf('@');
        if (at < 0 || !SNAPSHOT_NAME.matcher(name.substring(at + 1)).matches()) {
            throw new IllegalArgumentException("zfs.snapshot: '" + name + "' is not a snapshot name (dataset@name)");
        }
        ZfsDataset.check("zfs.snapshot", name.substring(0, at));
    }

    @Override
    public String describe() {
        return (present ? "ZFS snapshot: " : "Destroy ZFS snapshot: ") + name;
    }

    @Override
    public Plan plan(FactSource facts) {
        boolean there = facts.get(new ZfsSnapshots()).contains(name);
        if (there == present) {
            return Plan.noChange("snapshot " + name + (present ? " exists" : " does not exist"));
        }
        String verb = present ? "snapshot" : "destroy";
        return Plan.run(recursive ? Command.of("zfs", verb, "-r", name) : Command.of("zfs", verb, name));
    }
}
