package dev.jinfra.ops.server;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import dev.jinfra.ops.files.FindInFile;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code server.sysctl}: a kernel parameter has a value now and, with {@code persist}, after reboots too (a
 * line in /etc/sysctl.d/99-jinfra.conf).
 */
@Doc(
        name = "server.sysctl",
        value =
                "A kernel parameter has a value now and, with persist, after reboots: the line in /etc/sysctl.d/99-jinfra.conf "
                        + "is checked and written even when the live value is already right.",
        example = "server.sysctl(\"vm.swappiness\", \"10\");")
public record ServerSysctl(
        @Arg(value = "the parameter, e.g. net.ipv4.ip_forward", required = true)
        String key,

        @Arg(value = "the wanted value; several fields separated by spaces", required = true)
        String value,

        @Arg("also write it to /etc/sysctl.d/99-jinfra.conf for the next boot")
        boolean persist)
        implements Operation {
    static final String FILE = "/etc/sysctl.d/99-jinfra.conf";
    // Keys are dotted or slashed names; no '=', space or backslash, so key=value and the awk -v below stay exact.
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:/-]*");

    // Drops any earlier line for the key, then appends the new one: rerunning never duplicates it. Key and
    // value arrive as $1 and $2; the key is checked above to have no characters awk -v would interpret.
    private static final String PERSIST = "f=" + FILE + "; t=\"$f.jinfra.$$\"; touch \"$f\""
            + " && awk -v k=\"$1\" '{ n = $0; sub(/[ \\t]*=.*/, \"\", n); sub(/^[ \\t]+/, \"\", n); if (n != k) print }' \"$f\" > \"$t\""
            + " && printf '%s = %s\\n' \"$1\" \"$2\" >> \"$t\" && mv \"$t\" \"$f\"";

    public ServerSysctl {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("server.sysctl: '" + key + "' is not a valid sysctl key");
        }
        if (value == null || value.isBlank() || value.contains("\n")) {
            throw new IllegalArgumentException("server.sysctl: " + key + " needs a value on one line");
        }
    }

    @Override
    public String describe() {
        return "Sysctl: " + key + " = " + value;
    }

    @Override
    public Plan plan(FactSource facts) {
        String now = facts.get(new dev.jinfra.ops.server.Sysctl(key));
        if (now == null) {
            throw new IllegalStateException("server.sysctl: the kernel has no parameter " + key);
        }
        boolean live = normalise(now).equals(normalise(value));
        // The file is judged on its own: a live value that is already right (set by hand, or by another program
        // such as Docker for ip_forward) would otherwise never be written down, and would be lost at the reboot.
        boolean persisted = !persist || persisted(facts.get(new FindInFile(FILE, linePattern())));
        if (live && persisted) {
            return Plan.noChange(key + " is " + value + (persist ? " (and in " + FILE + ")" : ""));
        }
        List<Command> commands = new ArrayList<>();
        if (!live) {
            commands.add(Command.of("sysctl", "-w", key + "=" + value));
        }
        if (!persisted) {
            commands.add(Command.script(PERSIST, key, value));
        }
        return Plan.run(commands);
    }

    /** The file's lines for the key, as the awk above tells them: optional blanks, the key, blanks, '='. */
    private String linePattern() {
        return "^[[:blank:]]*" + key.replaceAll("[.]", "\\\\.") + "[[:blank:]]*=";
    }

    /**
     * Whether the file sets the wanted value: the last line for the key counts, as it does for sysctl. null (no
     * file, or unreadable) is not persisted.
     */
    private boolean persisted(List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return false;
        }
        String last = lines.getLast();
        return normalise(last.substring(last.indexOf('=') + 1)).equals(normalise(value));
    }

    /** sysctl prints multi-field values tab-separated; people write them with spaces. */
    private static String normalise(String v) {
        return v.strip().replaceAll("\\s+", " ");
    }
}
