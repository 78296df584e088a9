package dev.jinfra.ops.packages;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Installed Alpine packages, name to version, from {@code apk info -v}; empty where there is no apk. */
@Doc(value = "Installed Alpine (apk) packages and their versions.")
public record ApkPackages() implements Fact<Map<String, String>> {
    // apk prints name-version-rN; names may hold '-' and digits, so the version is what starts at the last
    // "-<digit>" before the "-r<release>".
    private static final Pattern LINE = Pattern.compile("(.+?)-([0-9][^-\\s]*-r[0-9]+)");

    @Override
    public Command command() {
        return Command.of("apk", "info", "-v");
    }

    @Override
    public Map<String, String> parse(String stdout) {
        Map<String, String> installed = new TreeMap<>();
        for (String line : stdout.split("\n")) {
            // Warnings ("WARNING: ...") and blank lines do not match.
            Matcher m = LINE.matcher(line.strip());
            if (m.matches()) {
                installed.put(m.group(1), m.group(2));
            }
        }
        return installed;
    }

    @Override
    public Map<String, String> absent() {
        return Map.of();
    }

    /**
     * What apk knows lives in its database under /lib/apk/db: a change confined to other paths (a file, a
     * directory, a link) leaves the list as it was, so a deploy's package check after its file changes plans
     * without asking the host again. Paths are compared as the host resolves them, a database moved behind a
     * link included.
     */
    @Override
    public String confinedTo() {
        return "/lib/apk/db";
    }
}
