package dev.jinfra.ops.zfs;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** zfs's scripted output ({@code -H}): one dataset a line, fields separated by a tab. Names are checked here too. */
final class Columns {
    private Columns() {}

    // ZFS component names: letters, digits, '_', '-', '.', ':' and ' '; no leading '-'. Spaces are left out here.
    static final Pattern DATASET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*(?:/[A-Za-z0-9_.:-]+)*");

    static Map<String, String> byName(String stdout) {
        Map<String, String> values = new TreeMap<>();
        for (String line : stdout.split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 2 && !f[0].isBlank()) {
                values.put(f[0], f[1].strip());
            }
        }
        return values;
    }
}
