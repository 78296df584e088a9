package dev.jinfra.deploy;

import dev.jinfra.ops.zfs.ZfsDataset;
import dev.jinfra.ops.zfs.ZfsSnapshot;

/**
 * The {@code zfs} operations, as deploy code calls them: {@code zfs.dataset("tank/srv")}. Other arguments are given by name on the
 * call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class ZfsOperations {
    /**
     * {@code zfs.dataset}: exists; {@code .arg("properties", Map.of(..))}, {@code .arg("volumeSize", "10G")} and {@code .absent()} by name.
     *
     * @param name e.g. tank/srv/www
     */
    public OperationCall dataset(String name) {
        return PrepareContext.register(ZfsDataset.class).arg("name", name);
    }

    /**
     * {@code zfs.dataset} with every argument in the record's order.
     *
     * @param dataset e.g. {@code new ZfsDataset("tank/srv", true, null, Map.of("compression", "lz4"), false)}
     */
    public OperationCall dataset(ZfsDataset dataset) {
        return PrepareContext.register(dataset);
    }

    /**
     * {@code zfs.snapshot}: taken once; {@code .arg("recursive", true)} and {@code .absent()} by name.
     *
     * @param name dataset@name
     */
    public OperationCall snapshot(String name) {
        return PrepareContext.register(ZfsSnapshot.class).arg("name", name);
    }

    /**
     * {@code zfs.snapshot} with every argument in the record's order.
     *
     * @param snapshot e.g. {@code new ZfsSnapshot("tank/srv@before-upgrade", true, false)}
     */
    public OperationCall snapshot(ZfsSnapshot snapshot) {
        return PrepareContext.register(snapshot);
    }
}
