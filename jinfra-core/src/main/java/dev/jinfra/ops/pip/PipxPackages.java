package dev.jinfra.ops.pip;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Map;
import java.util.TreeMap;

/** The applications pipx installed for the user it runs as, name to version; empty without pipx. */
@Doc(
        value = "Applications installed with pipx (pipx list --short) for the user it runs as, name to version; empty "
                + "without pipx.")
public record PipxPackages() implements Fact<Map<String, String>> {
    @Override
    public Command command() {
        return Command.of("pipx", "list", "--short");
    }

    @Override
    public Map<String, String> parse(String stdout) {
        Map<String, String> installed = new TreeMap<>();
        for (String line : stdout.split("\n")) {
            // "black 24.1.0"; with nothing installed pipx says so in a sentence (more than two words).
            String[] f = line.strip().split("\\s+");
            if (f.length == 2) {
                installed.put(f[0].toLowerCase(java.util.Locale.ROOT).replaceAll("[._-]+", "-"), f[1]);
            }
        }
        return installed;
    }

    @Override
    public Map<String, String> absent() {
        return Map.of();
    }
}
