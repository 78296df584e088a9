package dev.jinfra.ops.packages;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Map;
import java.util.TreeMap;

/** Installed RPM packages, name to version-release; empty where there is no rpm. */
@Doc(value = "Installed RPM packages and their version-release.")
public record RpmPackages() implements Fact<Map<String, String>> {
    @Override
    public Command command() {
        // rpm expands the \t and \n escapes itself; the format goes through quoted as it is.
        return Command.of("rpm", "-qa", "--queryformat", "%{NAME}\\t%{VERSION}-%{RELEASE}\\n");
    }

    @Override
    public Map<String, String> parse(String stdout) {
        Map<String, String> installed = new TreeMap<>();
        for (String line : stdout.split("\n")) {
            String[] f = line.split("\t", -1);
            // Packages installed in several versions (kernel, gpg-pubkey) keep the last listed: for "is it
            // installed" any one will do.
            if (f.length == 2 && !f[0].isBlank() && !f[1].isBlank()) {
                installed.put(f[0].strip(), f[1].strip());
            }
        }
        return installed;
    }

    @Override
    public Map<String, String> absent() {
        return Map.of();
    }

    /**
     * What rpm knows lives in its database under /var/lib/rpm: a change confined to other paths (a file, a
     * directory, a link) leaves the list as it was, so a deploy's package check after its file changes plans
     * without asking the host again. Paths are compared as the host resolves them, a database moved behind a
     * link included.
     */
    @Override
    public String confinedTo() {
        return "/var/lib/rpm";
    }
}
