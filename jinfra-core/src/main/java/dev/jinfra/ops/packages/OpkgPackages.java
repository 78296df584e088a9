package dev.jinfra.ops.packages;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Map;
import java.util.TreeMap;

/** OpenWrt packages installed, name to version, from {@code opkg list-installed}; empty without opkg. */
@Doc(value = "OpenWrt/Yocto packages (opkg list-installed), name to version; empty without opkg.")
public record OpkgPackages() implements Fact<Map<String, String>> {
    @Override
    public Command command() {
        return Command.of("opkg", "list-installed");
    }

    @Override
    public Map<String, String> parse(String stdout) {
        Map<String, String> installed = new TreeMap<>();
        for (String line : stdout.split("\n")) {
            // "busybox - 1.36.1-1": name, a dash between spaces, the version.
            String[] f = line.strip().split(" - ", 2);
            if (f.length == 2 && !f[0].isBlank() && !f[0].contains(" ")) {
                installed.put(f[0], f[1].strip());
            }
        }
        return installed;
    }

    @Override
    public Map<String, String> absent() {
        return Map.of();
    }
}
