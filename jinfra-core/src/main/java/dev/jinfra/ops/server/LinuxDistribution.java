package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.HashMap;
import java.util.Map;

/** Which Linux distribution the host runs, from {@code /etc/os-release}; null when the file is missing. */
@Doc(value = "The distribution from /etc/os-release: id, version, name.")
public record LinuxDistribution() implements Fact<LinuxDistribution.Value> {

    /** @param versionId null on rolling distributions (Arch, Debian testing) that set no VERSION_ID */
    public record Value(String id, String versionId, String name) {}

    @Override
    public Command command() {
        return Command.of("cat", "/etc/os-release");
    }

    @Override
    public Value parse(String stdout) {
        Map<String, String> vars = new HashMap<>();
        for (String line : stdout.split("\n")) {
            String l = line.strip();
            int eq = l.indexOf('=');
            if (l.isEmpty() || l.startsWith("#") || eq <= 0) {
                continue;
            }
            vars.put(l.substring(0, eq), unquote(l.substring(eq + 1)));
        }
        return new Value(vars.get("ID"), vars.get("VERSION_ID"), vars.get("NAME"));
    }

    @Override
    public Value absent() {
        return null;
    }

    /** os-release values follow sh quoting: single quotes literal, double quotes with backslash escapes. */
    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
            return v.substring(1, v.length() - 1);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            StringBuilder out = new StringBuilder();
            String inner = v.substring(1, v.length() - 1);
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '\\' && i + 1 < inner.length()) {
                    c = inner.charAt(++i);
                }
                out.append(c);
            }
            return out.toString();
        }
        return v;
    }
}
