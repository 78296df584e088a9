package dev.jinfra.ops.server;

import dev.jinfra.ops.apt.AptCacheAge;
import dev.jinfra.ops.apt.AptDeb;
import dev.jinfra.ops.apt.AptKey;
import dev.jinfra.ops.apt.AptPackages;
import dev.jinfra.ops.apt.AptRepo;
import dev.jinfra.ops.apt.AptSources;
import dev.jinfra.ops.apt.AptUpdate;
import dev.jinfra.ops.apt.AptUpgrade;
import dev.jinfra.ops.apt.DebPackages;
import dev.jinfra.ops.files.Which;
import java.util.LinkedHashMap;
import java.util.Map;

/** The server and apt operations and the facts they read, by name: to be merged into the main catalog. */
public final class ServerCatalog {
    private ServerCatalog() {}

    public static final Map<String, Class<? extends Record>> OPERATIONS;
    public static final Map<String, Class<? extends Record>> FACTS;

    static {
        Map<String, Class<? extends Record>> ops = new LinkedHashMap<>();
        ops.put("server.user", User.class);
        ops.put("server.group", Group.class);
        ops.put("server.hostname", ServerHostname.class);
        ops.put("server.sysctl", ServerSysctl.class);
        ops.put("server.crontab", CronJob.class);
        ops.put("server.script", Script.class);
        ops.put("server.mount", Mount.class);
        ops.put("server.reboot", Reboot.class);
        ops.put("server.wait", WaitForPort.class);
        ops.put("apt.packages", AptPackages.class);
        ops.put("apt.update", AptUpdate.class);
        ops.put("apt.upgrade", AptUpgrade.class);
        ops.put("apt.repo", AptRepo.class);
        ops.put("apt.key", AptKey.class);
        ops.put("apt.deb", AptDeb.class);
        OPERATIONS = java.util.Collections.unmodifiableMap(ops);

        Map<String, Class<? extends Record>> facts = new LinkedHashMap<>();
        facts.put("Users", Users.class);
        facts.put("ListeningPorts", dev.jinfra.ops.server.ListeningPorts.class);
        facts.put("Groups", Groups.class);
        facts.put("Hostname", dev.jinfra.ops.server.Hostname.class);
        facts.put("Sysctl", dev.jinfra.ops.server.Sysctl.class);
        facts.put("Crontab", Crontab.class);
        facts.put("DebPackages", DebPackages.class);
        facts.put("LinuxDistribution", LinuxDistribution.class);
        facts.put("Which", Which.class);
        facts.put("AptCacheAge", AptCacheAge.class);
        facts.put("AptSources", AptSources.class);
        facts.put("Os", dev.jinfra.ops.server.Os.class);
        facts.put("Arch", dev.jinfra.ops.server.Arch.class);
        facts.put("Kernel", dev.jinfra.ops.server.Kernel.class);
        // Named after what it runs; the class has another name so as not to hide the command builder.
        facts.put("Command", dev.jinfra.ops.server.CommandOutput.class);
        facts.put("Mounts", dev.jinfra.ops.server.Mounts.class);
        FACTS = java.util.Collections.unmodifiableMap(facts);
    }
}
