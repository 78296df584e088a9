package dev.jinfra.ops.server;

import dev.jinfra.api.Arg;
import dev.jinfra.api.ChangeScope;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import dev.jinfra.ops.files.FindInFile;
import dev.jinfra.ops.files.Line;
import dev.jinfra.ops.files.Uploads;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code server.securityLimit}: one pam_limits line for a domain, type and item holds the wanted value, or there is
 * none. pam_limits applies the last of several lines for the same domain, type and item, so the first is set to the
 * value as {@code files.line} replaces lines and any others are removed; a file in limits.d that does not exist yet
 * is written with the line alone.
 */
@Doc(
        name = "server.securityLimit",
        value =
                "A resource limit line (domain, type, item, value) in /etc/security/limits.conf or a file of limits.d, replacing the line for the same domain, type and item, or no such line.",
        example = "server.securityLimit(\"@developers\", \"soft\", \"nofile\", \"65536\").sudo();")
public record SecurityLimit(
        @Arg(value = "whom it limits: a user, @group, %group, *, or a uid/gid range such as 1000:", required = true)
        String domain,

        @Arg(value = "soft, hard, or - for both", required = true)
        String type,

        @Arg(value = "the resource, e.g. nofile, nproc, core, memlock", required = true)
        String item,

        @Arg("the limit, e.g. 65536, unlimited or -1; needed unless present is false")
        String value,

        @Arg(value = "whether the line should be there", defaultValue = "true")
        boolean present,

        @Arg(value = "the file: limits.conf, or a file in /etc/security/limits.d", defaultValue = LIMITS_CONF)
        String file)
        implements Operation {
    static final String LIMITS_CONF = "/etc/security/limits.conf";
    private static final String LIMITS_D = "/etc/security/limits.d/";
    // What limits.conf(5) names; anything else pam_limits ignores with a log line, which a deploy should not.
    private static final Set<String> ITEMS = Set.of(
            "core",
            "data",
            "fsize",
            "memlock",
            "nofile",
            "rss",
            "stack",
            "cpu",
            "nproc",
            "as",
            "maxlogins",
            "maxsyslogins",
            "nonewprivs",
            "priority",
            "locks",
            "sigpending",
            "msgqueue",
            "nice",
            "rtprio",
            "chroot");
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9_@%*:.$][A-Za-z0-9_@%*:.$-]*");
    private static final Pattern VALUE = Pattern.compile("-?[A-Za-z0-9]+");
    private static final Pattern FILE = Pattern.compile("/etc/security/limits\\.d/[A-Za-z0-9_.-]+\\.conf");

    public SecurityLimit {
        String op = "server.securityLimit";
        if (domain == null || !DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException(op + ": '" + domain + "' is not a limits domain (user, @group, *)");
        }
        if (!"soft".equals(type) && !"hard".equals(type) && !"-".equals(type)) {
            throw new IllegalArgumentException(op + ": type must be soft, hard or -, not '" + type + "'");
        }
        if (item == null || !ITEMS.contains(item)) {
            throw new IllegalArgumentException(
                    op + ": '" + item + "' is not a limits item; one of " + new java.util.TreeSet<>(ITEMS));
        }
        if (value != null && !VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException(op + ": '" + value + "' is not a limit value");
        }
        if (present && value == null) {
            throw new IllegalArgumentException(op + ": " + domain + " " + type + " " + item + " needs a value");
        }
        file = file == null ? LIMITS_CONF : file;
        if (!file.equals(LIMITS_CONF) && !FILE.matcher(file).matches()) {
            throw new IllegalArgumentException(
                    op + ": file must be " + LIMITS_CONF + " or " + LIMITS_D + "NAME.conf, not '" + file + "'");
        }
    }

    @Override
    public String describe() {
        return (present ? "Limit: " + line() : "No limit: " + domain + " " + type + " " + item) + " in " + file;
    }

    @Override
    public Plan plan(FactSource facts) {
        List<String> lines = facts.get(new FindInFile(file, pattern()));
        String what = domain + " " + type + " " + item;
        if (lines == null) {
            if (!present) {
                return Plan.noChange(file + " does not exist");
            }
            if (file.equals(LIMITS_CONF)) {
                throw new IllegalStateException("server.securityLimit: " + file + " does not exist or cannot be read");
            }
            return Uploads.install(line() + "\n", file, "644");
        }
        if (present && !lines.isEmpty() && lines.stream().allMatch(l -> value.equals(valueOf(l)))) {
            return Plan.noChange(what + " is " + value + " in " + file);
        }
        if (!present && lines.isEmpty()) {
            return Plan.noChange("no " + what + " in " + file);
        }
        List<Command> commands = new ArrayList<>();
        List<String> removed = lines;
        if (present) {
            // The first line for the limit takes the value where it is (appended when there is none)...
            commands.addAll(
                    new Line(file, line(), true, pattern(), false).plan(facts).commands());
            // ... and later ones go, except those that are the new line already.
            removed = lines.stream().skip(1).filter(l -> !l.equals(line())).toList();
        }
        for (String l : removed) {
            Plan remove = new Line(file, l, false, null, false).plan(facts);
            // The same text twice is removed by one edit.
            if (remove.changes() && !commands.containsAll(remove.commands())) {
                commands.addAll(remove.commands());
            }
        }
        return Plan.run(commands);
    }

    /** The line as written: fields separated by tabs, as the examples in limits.conf are. */
    private String line() {
        return domain + "\t" + type + "\t" + item + "\t" + value;
    }

    /** The lines for this domain, type and item, whatever their value. */
    private String pattern() {
        return "^[[:blank:]]*" + FindInFile.literal(domain) + "[[:blank:]]+" + FindInFile.literal(type) + "[[:blank:]]+"
                + item + "[[:blank:]]";
    }

    private static String valueOf(String line) {
        String[] fields = line.strip().split("\\s+");
        return fields.length == 4 ? fields[3] : null;
    }

    @Override
    public ChangeScope changes() {
        return ChangeScope.entries(file);
    }
}
