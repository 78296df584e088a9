package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;

/** The lines of {@code /etc/security/limits.conf} (pam_limits), in order; empty when there is no such file. */
@Doc(value = "The limits in /etc/security/limits.conf, in order: domain, type, item and value; empty without the file.")
public record SecurityLimits() implements Fact<List<SecurityLimits.Limit>> {

    /** One line, e.g. {@code @admins hard nofile 65536}; type is soft, hard or '-' (both). */
    public record Limit(String domain, String type, String item, String value) {}

    @Override
    public Command command() {
        return Command.of("cat", "/etc/security/limits.conf");
    }

    @Override
    public List<Limit> parse(String stdout) {
        List<Limit> limits = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            int hash = line.indexOf('#');
            String[] f = (hash >= 0 ? line.substring(0, hash) : line).strip().split("\\s+");
            // pam_limits skips lines without all four fields; so does this.
            if (f.length == 4) {
                limits.add(new Limit(f[0], f[1], f[2], f[3]));
            }
        }
        return limits;
    }

    @Override
    public List<Limit> absent() {
        return List.of();
    }

    @Override
    public String confinedTo() {
        return "/etc/security/limits.conf";
    }
}
