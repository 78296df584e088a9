package dev.jinfra.ops.zfs;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code zfs.dataset}: a ZFS file system (or, with a size, a volume) exists, made with its parents and the
 * properties given, or is destroyed. Properties are set only when the dataset is made.
 */
@Doc(
        name = "zfs.dataset",
        value = "A ZFS file system, or a volume when volumeSize is given, exists (zfs create -p, with properties as -o "
                + "name=value) or not (zfs destroy; recursive also destroys its children and snapshots). The "
                + "properties of an existing dataset are left as they are.",
        example = "zfs.dataset(\"tank/srv/www\").arg(\"properties\", Map.of(\"compression\", \"lz4\")).sudo();")
public record ZfsDataset(
        @Arg(value = "the dataset, e.g. tank/srv/www", required = true)
        String name,

        @Arg(value = "whether the dataset should exist", defaultValue = "true")
        boolean present,

        @Arg("make a volume of this size (e.g. 10G) instead of a file system")
        String volumeSize,

        @Arg("properties to make it with, e.g. {compression: lz4, mountpoint: /srv/www}")
        Map<String, String> properties,

        @Arg("when removing: also its children and snapshots (zfs destroy -r)")
        boolean recursive)
        implements Operation {

    private static final Pattern SIZE = Pattern.compile("[0-9]+(?:\\.[0-9]+)?[KMGTPE]?");
    // Native properties and user properties (module:name).
    private static final Pattern PROPERTY = Pattern.compile("[a-z][a-z0-9_.:-]*");

    public ZfsDataset {
        check("zfs.dataset", name);
        if (volumeSize != null && !SIZE.matcher(volumeSize).matches()) {
            throw new IllegalArgumentException("zfs.dataset: '" + volumeSize + "' is not a size like 10G");
        }
        properties = properties == null ? Map.of() : new TreeMap<>(properties);
        for (var p : properties.entrySet()) {
            if (!PROPERTY.matcher(p.getKey()).matches() || p.getValue() == null) {
                throw new IllegalArgumentException("zfs.dataset: '" + p.getKey() + "' is not a property to set");
            }
        }
        properties = java.util.Collections.unmodifiableMap(properties);
    }

    static String check(String where, String name) {
        if (name == null || !Columns.DATASET.matcher(name).matches()) {
            throw new IllegalArgumentException(where + ": '" + name + "' is not a dataset name (pool/path)");
        }
        return name;
    }

    @Override
    public String describe() {
        return (present ? "ZFS dataset: " : "Destroy ZFS dataset: ") + name;
    }

    @Override
    public Plan plan(FactSource facts) {
        boolean there = facts.get(new ZfsDatasets()).containsKey(name);
        if (there == present) {
            return Plan.noChange("dataset " + name + (present ? " exists" : " does not exist"));
        }
        if (!present) {
            return Plan.run(recursive ? Command.of("zfs", "destroy", "-r", name) : Command.of("zfs", "destroy", name));
        }
        List<String> words = new ArrayList<>(List.of("zfs", "create", "-p"));
        if (volumeSize != null) {
            words.addAll(List.of("-V", volumeSize));
        }
        properties.forEach((key, value) -> words.addAll(List.of("-o", key + "=" + value)));
        words.add(name);
        return Plan.run(Command.of(words));
    }
}
