package dev.jinfra.ops.server;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code server.mount}: a file system is mounted at a path, with at least the given options, or nothing is.
 * Only the live mount table is looked at; /etc/fstab is left alone.
 */
@Doc(
        name = "server.mount",
        value =
                "A file system is mounted at a path (mounted when missing, remounted when an option is missing), or unmounted. "
                        + "Changes the live mounts only: /etc/fstab is not written, so the mount does not persist across reboots.",
        example = "server.mount(\"/dev/sdb1\", \"/srv/data\", \"ext4\", \"noatime\").sudo();")
public record Mount(
        @Arg(value = "the mount point", required = true) String path,

        @Arg("what to mount, e.g. /dev/sdb1, UUID=..., host:/export; without it mount looks the path up in /etc/fstab")
        String device,

        @Arg("the file system type, e.g. ext4, nfs, tmpfs; mount detects it when not given")
        String type,

        @Arg("mount options, e.g. noatime, ro") List<String> options,

        @Arg(value = "whether something should be mounted there", defaultValue = "true")
        boolean mounted)
        implements Operation {
    private static final Pattern OPTION = Pattern.compile("[^,\\s]+");
    private static final Pattern TYPE = Pattern.compile("[a-z0-9_.+-]+");
    // Options that only mount(8) or fstab read: the kernel never lists them, so they are not compared.
    private static final Set<String> NOT_LISTED =
            Set.of("defaults", "auto", "noauto", "user", "nouser", "users", "owner", "group", "nofail", "_netdev");

    public Mount {
        // The mount table lists "/mnt/data", never "/mnt/data/" or "/mnt//data": compared as given, such a path
        // would never match and would be mounted again on every run.
        if (path != null && path.startsWith("/")) {
            path = path.replaceAll("/+", "/");
            path = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        }
        if (path == null || !path.startsWith("/") || path.equals("/") || path.contains("\n")) {
            throw new IllegalArgumentException(
                    "server.mount: path must be an absolute path other than /, not '" + path + "'");
        }
        options = options == null ? List.of() : List.copyOf(options);
        for (String o : options) {
            if (!OPTION.matcher(o).matches()) {
                throw new IllegalArgumentException(
                        "server.mount: '" + o + "' is not a mount option (no commas or spaces)");
            }
        }
        if (type != null && !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("server.mount: '" + type + "' is not a file system type");
        }
        if (device != null && (device.isBlank() || device.startsWith("-") || device.contains("\n"))) {
            throw new IllegalArgumentException("server.mount: '" + device + "' is not a device");
        }
    }

    @Override
    public String describe() {
        return mounted ? "Mount: " + (device == null ? "" : device + " at ") + path : "Unmount: " + path;
    }

    @Override
    public Plan plan(FactSource facts) {
        Mounts.Value now = facts.get(new Mounts()).get(path);
        if (!mounted) {
            return now == null
                    ? Plan.noChange("nothing is mounted at " + path)
                    : Plan.run(Command.of("umount", "--", path));
        }
        if (now == null) {
            List<String> words = new ArrayList<>(List.of("mount"));
            if (type != null) {
                words.addAll(List.of("-t", type));
            }
            if (!options.isEmpty()) {
                words.addAll(List.of("-o", String.join(",", options)));
            }
            words.add("--");
            if (device != null) {
                words.add(device);
            }
            words.add(path);
            return Plan.run(Command.of(words));
        }
        // The kernel adds options of its own (relatime, seclabel, ...), so only the wanted ones are compared.
        List<String> missing = options.stream()
                .filter(o -> !NOT_LISTED.contains(o)
                        && !o.startsWith("x-")
                        && !o.startsWith("comment=")
                        && !listed(o, now.options()))
                .toList();
        if (missing.isEmpty()) {
            return Plan.noChange(now.device() + " is mounted at " + path);
        }
        return Plan.run(Command.of("mount", "-o", "remount," + String.join(",", options), "--", path));
    }

    private static final Pattern SIZE = Pattern.compile("size=([0-9]+)([kKmMgG]?)");

    /**
     * Whether the kernel lists a wanted option. tmpfs lists its size in KiB of whole pages (size=1G reads back as
     * size=1048576k), so sizes are compared as byte counts; a size in percent of memory cannot be compared.
     */
    private static boolean listed(String option, List<String> have) {
        if (have.contains(option)) {
            return true;
        }
        long wanted = sizeBytes(option);
        if (wanted < 0) {
            return false;
        }
        // Rounded up to 4 KiB pages, as tmpfs does.
        long pages = (wanted + 4095) / 4096 * 4096;
        return have.stream().anyMatch(h -> sizeBytes(h) == pages);
    }

    /** The bytes of a size=N[kmg] option, or -1 for any other option. */
    private static long sizeBytes(String option) {
        var m = SIZE.matcher(option);
        if (!m.matches() || m.group(1).length() > 15) {
            return -1;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
    }
}
