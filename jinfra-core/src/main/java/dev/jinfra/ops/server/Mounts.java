package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What is mounted where, from {@code /proc/mounts}: mount point to device, file system type and options. */
@Doc(value = "Mounted file systems by mount point: device, type and options (from /proc/mounts).")
public record Mounts() implements Fact<Map<String, Mounts.Value>> {

    /** @param options as the kernel lists them, e.g. {@code rw, nosuid, relatime} */
    public record Value(String device, String type, List<String> options) {
        public Value {
            options = List.copyOf(options);
        }
    }

    @Override
    public Command command() {
        return Command.of("cat", "/proc/mounts");
    }

    @Override
    public Map<String, Value> parse(String stdout) {
        Map<String, Value> mounts = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 4) {
                continue;
            }
            String point = unescape(f[1]);
            // Later lines are mounted on top of earlier ones at the same point: the last is the one in use. Removed
            // and re-added so the order stays the kernel's.
            mounts.remove(point);
            mounts.put(point, new Value(unescape(f[0]), f[2], List.of(f[3].split(","))));
        }
        return mounts;
    }

    /** The kernel writes space, tab, newline and backslash in paths as octal escapes ({@code \040}). */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        // Escapes stand for bytes; a path in UTF-8 may be several of them.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = field.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\\'
                    && i + 3 < raw.length
                    && isOctal(raw[i + 1])
                    && isOctal(raw[i + 2])
                    && isOctal(raw[i + 3])) {
                bytes.write((raw[i + 1] - '0') * 64 + (raw[i + 2] - '0') * 8 + (raw[i + 3] - '0'));
                i += 3;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isOctal(byte b) {
        return b >= '0' && b <= '7';
    }

    @Override
    public Map<String, Value> absent() {
        return Map.of();
    }
}
