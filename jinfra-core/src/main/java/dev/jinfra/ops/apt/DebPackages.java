package dev.jinfra.ops.apt;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Map;
import java.util.TreeMap;

/** Installed Debian packages, name to version, from {@code dpkg-query}; empty where there is no dpkg. */
@Doc(value = "Installed Debian packages and their versions.")
public record DebPackages() implements Fact<Map<String, String>> {
    @Override
    public Command command() {
        // dpkg-query expands the \t and \n escapes itself; the text goes through quoted as it is.
        return Command.of("dpkg-query", "-W", "-f", "${Package}\\t${Version}\\t${db:Status-Abbrev}\\n");
    }

    @Override
    public Map<String, String> parse(String stdout) {
        Map<String, String> installed = new TreeMap<>();
        for (String line : stdout.split("\n")) {
            String[] f = line.split("\t", -1);
            // The status abbreviation is want/state/error: the second letter 'i' means unpacked and configured,
            // which takes in held packages ("hi") as well as plain "ii"; "rc" (config files only) is not installed.
            if (f.length >= 3 && !f[0].isBlank() && f[2].length() >= 2 && f[2].charAt(1) == 'i') {
                installed.put(f[0].strip(), f[1].strip());
            }
        }
        return installed;
    }

    @Override
    public Map<String, String> absent() {
        return Map.of();
    }
}
