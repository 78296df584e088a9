package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;

/**
 * The host's time zone, e.g. {@code Europe/Berlin}: where the /etc/localtime link points below a zoneinfo
 * directory (what timedatectl reports too), else the name in /etc/timezone (Debian's), else null.
 */
@Doc(value = "The host's time zone (from the /etc/localtime link, else /etc/timezone), or null.")
public record Timezone() implements Fact<String> {
    // A copied /etc/localtime (no link) tells no name; /etc/timezone then may.
    private static final String READ = "readlink /etc/localtime || cat /etc/timezone";

    @Override
    public Command command() {
        return Command.of("sh", "-c", READ);
    }

    @Override
    public String parse(String stdout) {
        String value = stdout.strip();
        int zoneinfo = value.lastIndexOf("zoneinfo/");
        if (zoneinfo >= 0) {
            value = value.substring(zoneinfo + "zoneinfo/".length());
            // The posix/ and right/ trees hold the same zones with other leap second rules; the name is the zone's.
            value = value.replaceFirst("^(posix|right)/", "");
        } else if (value.startsWith("/") || value.startsWith(".")) {
            // A link somewhere else names no zone.
            return null;
        }
        return value.isEmpty() ? null : value.lines().findFirst().orElse(null);
    }

    @Override
    public String absent() {
        return null;
    }
}
