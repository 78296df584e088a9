package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Set;
import java.util.TreeSet;

/**
 * The kernel modules loaded now, by name as {@code /proc/modules} lists them (with underscores), and those built
 * into the running kernel ({@code modules.builtin}), which are there without being loaded. Null when
 * {@code /proc/modules} cannot be read (a kernel without module support, or a container that hides it).
 */
@Doc(value = "Loaded kernel modules (from /proc/modules) and those built into the kernel.")
public record KernelModules() implements Fact<KernelModules.Value> {

    /** @param builtin modules compiled into the kernel: modprobe loads them by doing nothing, and cannot unload them */
    public record Value(Set<String> loaded, Set<String> builtin) {
        public Value {
            loaded = Set.copyOf(loaded);
            builtin = Set.copyOf(builtin);
        }

        /** Whether the module is there, loaded or built in; '-' and '_' are the same to the kernel, as to modprobe. */
        public boolean has(String module) {
            String name = normal(module);
            return loaded.contains(name) || builtin.contains(name);
        }

        public boolean isBuiltin(String module) {
            return builtin.contains(normal(module));
        }
    }

    // /proc/modules first; the built-in list, marked so its lines cannot be taken for loaded modules, may be missing
    // (a kernel built without modules, or /lib/modules not mounted in a container), which is no error.
    private static final String READ = "cat /proc/modules || exit 1; "
            + "sed 's/^/builtin /' \"/lib/modules/$(uname -r)/modules.builtin\" 2>/dev/null; true";

    @Override
    public Command command() {
        return Command.of("sh", "-c", READ);
    }

    @Override
    public Value parse(String stdout) {
        Set<String> loaded = new TreeSet<>();
        Set<String> builtin = new TreeSet<>();
        for (String line : stdout.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields[0].isEmpty()) {
                continue;
            }
            if (fields[0].equals("builtin") && fields.length == 2) {
                // kernel/drivers/block/loop.ko: the module's name is the file's, without .ko.
                String file = fields[1].substring(fields[1].lastIndexOf('/') + 1);
                builtin.add(normal(file.replaceFirst("\\.ko(\\..*)?$", "")));
            } else {
                loaded.add(normal(fields[0]));
            }
        }
        return new Value(loaded, builtin);
    }

    @Override
    public Value absent() {
        return null;
    }

    static String normal(String module) {
        return module.replace('-', '_');
    }
}
