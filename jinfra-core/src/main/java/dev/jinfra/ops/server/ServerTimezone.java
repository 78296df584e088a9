package dev.jinfra.ops.server;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import dev.jinfra.ops.files.FileContent;
import dev.jinfra.ops.files.FileInfo;
import dev.jinfra.ops.files.Uploads;
import dev.jinfra.ops.files.Which;
import dev.jinfra.ops.service.InitSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code server.timezone}: the host's time zone. With systemd running and timedatectl installed, timedatectl sets
 * it (systemd-timedated then tells the programs that listen); elsewhere /etc/localtime becomes a link to the zone's
 * file, and /etc/timezone, where the host has one (Debian's tzdata reads it), holds the name.
 */
@Doc(
        name = "server.timezone",
        value =
                "The host's time zone is set: with timedatectl where systemd runs, else by linking /etc/localtime (and writing /etc/timezone where it exists).",
        example = "server.timezone(\"Europe/Berlin\").sudo();")
public record ServerTimezone(
        @Arg(value = "the zone as named below /usr/share/zoneinfo, e.g. Europe/Berlin or UTC", required = true)
        String timezone)
        implements Operation {
    static final String ZONEINFO = "/usr/share/zoneinfo/";
    // Zone names are path segments of letters, digits, _ + -; none starts with '-' or is "..".
    private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_+-]*(/[A-Za-z0-9_][A-Za-z0-9_+-]*)*");

    public ServerTimezone {
        if (timezone == null || !ZONE.matcher(timezone).matches()) {
            throw new IllegalArgumentException(
                    "server.timezone: '" + timezone + "' is not a time zone name like Europe/Berlin");
        }
    }

    @Override
    public String describe() {
        return "Timezone: " + timezone;
    }

    @Override
    public Plan plan(FactSource facts) {
        String now = facts.get(new Timezone());
        boolean timedatectl =
                InitSystem.SYSTEMD.equals(facts.get(new InitSystem())) && facts.get(new Which("timedatectl")) != null;
        String zoneFile = ZONEINFO + timezone;
        FileInfo.Value zone = facts.get(new FileInfo(zoneFile));
        // /etc/timezone is checked whether or not the link is right: a host set by hand may have one and not the other.
        String named = timedatectl ? null : facts.get(new FileContent("/etc/timezone"));
        if (zone == null) {
            throw new IllegalStateException(
                    "server.timezone: the host has no time zone " + timezone + " (no " + zoneFile + ")");
        }
        if (timedatectl) {
            return timezone.equals(now)
                    ? Plan.noChange("time zone is " + timezone)
                    // set-timezone takes no "--"; the name cannot start with '-' (checked above).
                    : Plan.run(Command.of("timedatectl", "set-timezone", timezone));
        }
        List<Command> commands = new ArrayList<>();
        List<Plan.Upload> uploads = new ArrayList<>();
        if (!timezone.equals(now)) {
            // -n: an /etc/localtime that is a link is replaced, not followed into the zone file it points to.
            commands.add(Command.of("ln", "-sfn", "--", zoneFile, "/etc/localtime"));
        }
        if (named != null && !named.equals(timezone + "\n")) {
            Plan install = Uploads.install(timezone + "\n", "/etc/timezone", "644");
            uploads.addAll(install.uploads());
            commands.addAll(install.commands());
        }
        return commands.isEmpty() ? Plan.noChange("time zone is " + timezone) : new Plan(uploads, commands, null);
    }
}
