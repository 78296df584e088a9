package dev.jinfra.ops.packages;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Map;
import java.util.TreeMap;

/** FreeBSD packages installed, name to version, from {@code pkg query}; empty without pkg. */
@Doc(value = "FreeBSD packages (pkg query), name to version; empty without pkg.")
public record PkgPackages() implements Fact<Map<String, String>> {
    @Override
    public Command command() {
        return Command.of("pkg", "query", "%n %v");
    }

    @Override
    public Map<String, String> parse(String stdout) {
        Map<String, String> installed = new TreeMap<>();
        for (String line : stdout.split("\n")) {
            // "curl 8.5.0": the format asked for; package names hold no spaces.
            String[] f = line.strip().split(" ");
            if (f.length == 2 && !f[0].isEmpty()) {
                installed.put(f[0], f[1]);
            }
        }
        return installed;
    }

    @Override
    public Map<String, String> absent() {
        return Map.of();
    }
}
