package dev.jinfra.ops.packages;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Map;
import java.util.TreeMap;

/** Void Linux packages installed, name to version, from {@code xbps-query -l}; empty without xbps. */
@Doc(value = "Void Linux packages (xbps-query -l), name to version; empty without xbps.")
public record XbpsPackages() implements Fact<Map<String, String>> {
    @Override
    public Command command() {
        return Command.of("xbps-query", "-l");
    }

    @Override
    public Map<String, String> parse(String stdout) {
        Map<String, String> installed = new TreeMap<>();
        for (String line : stdout.split("\n")) {
            // "ii bash-5.2.21_1      GNU Bourne Again Shell": state, name-version (the version after the last
            // dash), description.
            String[] f = line.strip().split("\\s+");
            int dash = f.length >= 2 ? f[1].lastIndexOf('-') : -1;
            if (dash > 0 && dash < f[1].length() - 1) {
                installed.put(f[1].substring(0, dash), f[1].substring(dash + 1));
            }
        }
        return installed;
    }

    @Override
    public Map<String, String> absent() {
        return Map.of();
    }
}
