package dev.jinfra.ops.selinux;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;

/**
 * SELinux port types from {@code semanage port -l} ("http_port_t   tcp   8080, 80-81, 443"): each port or range with
 * its protocol and type; with {@code local}, only the host's own additions ({@code -C}), which alone can be deleted.
 * Null where semanage cannot be run.
 */
@Doc(value = "SELinux port types (type, protocol, port or range) from semanage port -l.")
public record SePorts(
        @Arg("only the host's own additions (semanage port -l -C)")
        boolean local) implements Fact<List<SePorts.Entry>> {

    /** @param ports one port ({@code 8080}) or a range ({@code 8000-8010}) as semanage writes it */
    public record Entry(String type, String protocol, String ports) {}

    @Override
    public Command command() {
        return local ? Command.of("semanage", "port", "-n", "-l", "-C") : Command.of("semanage", "port", "-n", "-l");
    }

    @Override
    public List<Entry> parse(String stdout) {
        List<Entry> entries = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            String[] f = line.strip().split("\\s+", 3);
            if (f.length < 3) {
                continue;
            }
            for (String ports : f[2].split(",")) {
                if (!ports.isBlank()) {
                    entries.add(new Entry(f[0], f[1], ports.strip()));
                }
            }
        }
        return List.copyOf(entries);
    }

    @Override
    public List<Entry> absent() {
        return null;
    }
}
