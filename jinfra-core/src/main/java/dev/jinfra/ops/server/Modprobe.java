package dev.jinfra.ops.server;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import dev.jinfra.ops.files.FileContent;
import dev.jinfra.ops.files.Uploads;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code server.modprobe}: a kernel module is loaded or not and, with {@code persist}, is loaded at boot too (its
 * own /etc/modules-load.d/MODULE.conf, which systemd-modules-load reads), or that file is gone.
 */
@Doc(
        name = "server.modprobe",
        value =
                "A kernel module is loaded (with modprobe) or unloaded, and with persist also loaded at boot from /etc/modules-load.d/MODULE.conf (removed when absent).",
        example = "server.modprobe(\"br_netfilter\").sudo();")
public record Modprobe(
        @Arg(value = "the module, e.g. br_netfilter", required = true)
        String module,

        @Arg(value = "whether the module should be loaded", defaultValue = "true")
        boolean present,

        @Arg("also load it at boot (/etc/modules-load.d/MODULE.conf), or with present false remove that file")
        boolean persist,

        @Arg("module parameters such as max_loop=64, given to modprobe when it loads the module (a module already"
                + " loaded is not reloaded for them, and they are not persisted)")
        List<String> parameters)
        implements Operation {
    static final String DIRECTORY = "/etc/modules-load.d";
    // Module names as kmod accepts them; no leading '-', so a name is never an option, and a safe file name.
    private static final Pattern MODULE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,63}");
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*(=[^\\s]*)?");

    public Modprobe {
        if (module == null || !MODULE.matcher(module).matches()) {
            throw new IllegalArgumentException("server.modprobe: '" + module + "' is not a kernel module name");
        }
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        for (String p : parameters) {
            if (p == null || !PARAMETER.matcher(p).matches()) {
                throw new IllegalArgumentException(
                        "server.modprobe: '" + p + "' is not a module parameter like name=value");
            }
        }
        if (!present && !parameters.isEmpty()) {
            throw new IllegalArgumentException("server.modprobe: parameters are for loading " + module);
        }
    }

    @Override
    public String describe() {
        return (present ? "Kernel module: " : "No kernel module: ") + module;
    }

    @Override
    public Plan plan(FactSource facts) {
        KernelModules.Value modules = facts.get(new KernelModules());
        // Asked with the modules, so both come in one probe.
        String file = persist ? facts.get(new FileContent(file())) : null;
        if (modules == null) {
            throw new IllegalStateException("server.modprobe: cannot read /proc/modules on the host");
        }
        List<Command> commands = new ArrayList<>();
        List<Plan.Upload> uploads = new ArrayList<>();
        boolean there = modules.has(module);
        if (present && !there) {
            List<String> words = new ArrayList<>(List.of("modprobe", "--", module));
            words.addAll(parameters);
            commands.add(Command.of(words));
        } else if (!present && there) {
            if (modules.isBuiltin(module)) {
                throw new IllegalStateException(
                        "server.modprobe: " + module + " is built into the kernel; it cannot be unloaded");
            }
            commands.add(Command.of("modprobe", "-r", "--", module));
        }
        if (persist) {
            String wanted = module + "\n";
            if (present && !wanted.equals(file)) {
                // The whole file is the module's own, so it is written whole, like any other file jinfra installs;
                // hosts that do not boot with systemd may lack the directory.
                if (file == null) {
                    commands.add(Command.of("mkdir", "-p", "--", DIRECTORY));
                }
                Plan install = Uploads.install(wanted, file(), "644");
                uploads.addAll(install.uploads());
                commands.addAll(install.commands());
            } else if (!present && file != null) {
                commands.add(Command.of("rm", "-f", "--", file()));
            }
        }
        if (commands.isEmpty()) {
            String at = persist ? (present ? ", also at boot" : ", nor at boot") : "";
            return Plan.noChange(module + (present ? " is loaded" : " is not loaded") + at);
        }
        return new Plan(uploads, commands, null);
    }

    private String file() {
        return DIRECTORY + "/" + module + ".conf";
    }
}
