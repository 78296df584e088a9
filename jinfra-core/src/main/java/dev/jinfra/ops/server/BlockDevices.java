package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The block devices and partitions the kernel knows, name to size in bytes, from {@code /proc/partitions} (Linux,
 * no tool needed, so BusyBox hosts too); empty elsewhere.
 */
@Doc(
        value =
                "Block devices and partitions by name (vda, sda1, nvme0n1p2) with their size in bytes, from /proc/partitions.")
public record BlockDevices() implements Fact<Map<String, Long>> {
    @Override
    public Command command() {
        return Command.of("cat", "/proc/partitions");
    }

    @Override
    public Map<String, Long> parse(String stdout) {
        Map<String, Long> devices = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            // "major minor  #blocks  name", then " 254        0  268435456 vda"; blocks are of 1 KiB.
            String[] f = line.strip().split("\\s+");
            if (f.length != 4) {
                continue;
            }
            Long blocks = Numbers.longOrNull(f[2]);
            if (blocks != null && Numbers.intOrNull(f[0]) != null) {
                devices.put(f[3], blocks * 1024);
            }
        }
        return devices;
    }

    @Override
    public Map<String, Long> absent() {
        return Map.of();
    }
}
