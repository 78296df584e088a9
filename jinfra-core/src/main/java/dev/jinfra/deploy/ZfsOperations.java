package dev.jinfra.deploy;

import dev.jinfra.ops.zfs.ZfsDataset;
import dev.jinfra.ops.zfs.ZfsSnapshot;

/**
 * The {@code zfs} operations, as deploy code calls them: {@code zfs.dataset("tank/srv")}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class ZfsOperations {
    /**
     * A ZFS file system, or a volume when volumeSize is given, exists (zfs create -p, with properties as -o name=value)
     * or not (zfs destroy; recursive also destroys its children and snapshots). The properties of an existing dataset
     * are left as they are.
     *
     * <p>{@code zfs.dataset}: exists; {@code .properties(Map.of(..))}, {@code .volumeSize("10G")} and {@code .absent()} by name.
     *
     * @param name e.g. tank/srv/www
     */
    public ZfsDatasetCall dataset(String name) {
        return PrepareContext.register(ZfsDatasetCall::new).nameArgument(name);
    }

    /**
     * A ZFS file system, or a volume when volumeSize is given, exists (zfs create -p, with properties as -o name=value)
     * or not (zfs destroy; recursive also destroys its children and snapshots). The properties of an existing dataset
     * are left as they are.
     *
     * <p>{@code zfs.dataset} with every argument in the record's order.
     *
     * @param dataset e.g. {@code new ZfsDataset("tank/srv", true, null, Map.of("compression", "lz4"), false)}
     */
    public ZfsDatasetCall dataset(ZfsDataset dataset) {
        return PrepareContext.register(dataset, ZfsDatasetCall::new);
    }

    /**
     * A snapshot dataset@name exists (zfs snapshot, once; recursive takes its children's too) or not (zfs destroy).
     *
     * <p>{@code zfs.snapshot}: taken once; {@code .recursive(true)} and {@code .absent()} by name.
     *
     * @param name dataset@name
     */
    public ZfsSnapshotCall snapshot(String name) {
        return PrepareContext.register(ZfsSnapshotCall::new).nameArgument(name);
    }

    /**
     * A snapshot dataset@name exists (zfs snapshot, once; recursive takes its children's too) or not (zfs destroy).
     *
     * <p>{@code zfs.snapshot} with every argument in the record's order.
     *
     * @param snapshot e.g. {@code new ZfsSnapshot("tank/srv@before-upgrade", true, false)}
     */
    public ZfsSnapshotCall snapshot(ZfsSnapshot snapshot) {
        return PrepareContext.register(snapshot, ZfsSnapshotCall::new);
    }
}
