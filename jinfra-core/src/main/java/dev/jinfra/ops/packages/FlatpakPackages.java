package dev.jinfra.ops.packages;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Set;
import java.util.TreeSet;

/** The Flatpak applications and runtimes installed (system and user), by id; empty without flatpak. */
@Doc(
        value =
                "Flatpak applications and runtimes installed, by id (flatpak list --columns=application); empty without flatpak.")
public record FlatpakPackages() implements Fact<Set<String>> {
    @Override
    public Command command() {
        return Command.of("flatpak", "list", "--columns=application");
    }

    @Override
    public Set<String> parse(String stdout) {
        Set<String> ids = new TreeSet<>();
        for (String line : stdout.split("\n")) {
            String id = line.strip();
            // Ids are reverse DNS names (org.gnome.Calculator); a header or message line has spaces or no dots.
            if (id.contains(".") && !id.contains(" ")) {
                ids.add(id);
            }
        }
        return ids;
    }

    @Override
    public Set<String> absent() {
        return Set.of();
    }
}
