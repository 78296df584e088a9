package dev.jinfra.ops.server;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;

/** {@code server.group}: a group exists (with a given id when one is asked for), or does not. */
@Doc(name = "server.group", value = "A group exists (with a gid), or is absent.", example = "server.group(\"deploy\");")
public record Group(
        @Arg(value = "the group's name", required = true) String name,

        @Arg(value = "whether the group should exist", defaultValue = "true")
        boolean present,

        @Arg("numeric group id; chosen by the system when not given")
        Integer gid,

        @Arg("create it as a system group (an id from the system range)")
        boolean system)
        implements Operation {

    public Group {
        Names.account("server.group", "group", name);
        Names.id("server.group", "gid", gid);
    }

    @Override
    public String describe() {
        return (present ? "Group: " : "Remove group: ") + name;
    }

    @Override
    public Plan plan(FactSource facts) {
        Groups.Group now = facts.get(new Groups()).get(name);
        if (!present) {
            return now == null
                    ? Plan.noChange("group " + name + " does not exist")
                    : Plan.run(Command.of("groupdel", "--", name));
        }
        if (now == null) {
            List<String> words = new ArrayList<>(List.of("groupadd"));
            if (system) {
                words.add("-r");
            }
            if (gid != null) {
                words.addAll(List.of("-g", gid.toString()));
            }
            words.addAll(List.of("--", name));
            return Plan.run(Command.of(words));
        }
        // "system" only picks the id range at creation; an existing group is not recreated for it.
        if (gid != null && now.gid() != gid) {
            return Plan.run(Command.of("groupmod", "-g", gid.toString(), "--", name));
        }
        return Plan.noChange("group " + name + " exists");
    }
}
