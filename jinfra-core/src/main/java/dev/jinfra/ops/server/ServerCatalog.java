package dev.jinfra.ops.server;

import dev.jinfra.facts.Crontab;
import dev.jinfra.facts.DebPackages;
import dev.jinfra.facts.Groups;
import dev.jinfra.facts.LinuxDistribution;
import dev.jinfra.facts.Users;
import dev.jinfra.facts.Which;
import dev.jinfra.ops.apt.AptCacheAge;
import dev.jinfra.ops.apt.AptPackages;
import dev.jinfra.ops.apt.AptUpdate;
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
        ops.put("server.hostname", Hostname.class);
        ops.put("server.sysctl", Sysctl.class);
        ops.put("server.crontab", CronJob.class);
        ops.put("server.script", Script.class);
        ops.put("apt.packages", AptPackages.class);
        ops.put("apt.update", AptUpdate.class);
        OPERATIONS = java.util.Collections.unmodifiableMap(ops);

        Map<String, Class<? extends Record>> facts = new LinkedHashMap<>();
        facts.put("Users", Users.class);
        facts.put("Groups", Groups.class);
        facts.put("Hostname", dev.jinfra.facts.Hostname.class);
        facts.put("Sysctl", dev.jinfra.facts.Sysctl.class);
        facts.put("Crontab", Crontab.class);
        facts.put("DebPackages", DebPackages.class);
        facts.put("LinuxDistribution", LinuxDistribution.class);
        facts.put("Which", Which.class);
        facts.put("AptCacheAge", AptCacheAge.class);
        FACTS = java.util.Collections.unmodifiableMap(facts);
    }
}
