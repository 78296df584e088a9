package dev.jinfra.ops.service;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Map;
import java.util.TreeMap;

/** The jobs launchd has loaded (macOS), label to whether it runs (has a PID), from {@code launchctl list}. */
@Doc(value = "launchd's loaded jobs (launchctl list, macOS), label to whether each runs; empty without launchctl.")
public record LaunchdStatus() implements Fact<Map<String, Boolean>> {
    @Override
    public Command command() {
        return Command.of("launchctl", "list");
    }

    @Override
    public Map<String, Boolean> parse(String stdout) {
        Map<String, Boolean> jobs = new TreeMap<>();
        for (String line : stdout.split("\n")) {
            // "PID	Status	Label" then "123	0	com.example.job" or "-	0	com.example.idle".
            String[] f = line.strip().split("\\s+");
            if (f.length != 3 || f[0].equals("PID")) {
                continue;
            }
            jobs.put(f[2], !f[0].equals("-"));
        }
        return jobs;
    }

    @Override
    public Map<String, Boolean> absent() {
        return Map.of();
    }
}
