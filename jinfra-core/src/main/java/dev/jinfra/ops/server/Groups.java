package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The host's groups by name, from {@code getent group}: each group's id and its supplementary members. */
@Doc(value = "Every group: gid and members.")
public record Groups() implements Fact<Map<String, Groups.Group>> {

    /** @param members users listed in the group entry (not those who have it as their primary group) */
    public record Group(int gid, List<String> members) {}

    @Override
    public Command command() {
        return Command.of("getent", "group");
    }

    @Override
    public Map<String, Group> parse(String stdout) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            String[] f = line.strip().split(":", -1);
            if (f.length < 4 || f[0].isEmpty()) {
                continue;
            }
            Integer gid = Users.number(f[2]);
            if (gid != null) {
                List<String> members = Arrays.stream(f[3].split(","))
                        .map(String::strip)
                        .filter(m -> !m.isEmpty())
                        .toList();
                groups.putIfAbsent(f[0], new Group(gid, members));
            }
        }
        return groups;
    }

    @Override
    public Map<String, Group> absent() {
        return Map.of();
    }
}
