package dev.jinfra.deploy;

import dev.jinfra.inventory.Host;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How commands run (privileges, environment, directory, time limit), settable at four levels: on an
 * operation, on a deploy piece ({@link Operations#with}), in host data, and on the command line. Where a
 * level leaves a setting unset, the next one down decides, in that order.
 *
 * @param useSudo null when this level does not say
 * @param env merged across levels, the higher level winning per variable
 */
public record Settings(Boolean useSudo, String sudoUser, Map<String, String> env, String chdir, Duration timeout) {
    public static final Settings NONE = new Settings(null, null, Map.of(), null, null);

    public Settings {
        // Sorted, so that the same settings always render the same command line.
        env = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(env));
    }

    /** An empty set of settings to chain onto: {@code settings().sudo().env("LANG", "C")}. */
    public static Settings settings() {
        return NONE;
    }

    public Settings sudo() {
        return new Settings(true, sudoUser, env, chdir, timeout);
    }

    public Settings sudo(String user) {
        return new Settings(true, user, env, chdir, timeout);
    }

    public Settings env(String name, String value) {
        Map<String, String> m = new LinkedHashMap<>(env);
        m.put(name, value);
        return new Settings(useSudo, sudoUser, m, chdir, timeout);
    }

    public Settings chdir(String dir) {
        return new Settings(useSudo, sudoUser, env, dir, timeout);
    }

    public Settings timeout(Duration limit) {
        return new Settings(useSudo, sudoUser, env, chdir, limit);
    }

    /** These settings where set, else {@code lower}'s. */
    public Settings over(Settings lower) {
        Map<String, String> mergedEnv = new LinkedHashMap<>(lower.env);
        mergedEnv.putAll(env);
        return new Settings(useSudo != null ? useSudo : lower.useSudo, sudoUser != null ? sudoUser : lower.sudoUser, mergedEnv,
                chdir != null ? chdir : lower.chdir, timeout != null ? timeout : lower.timeout);
    }

    /**
     * Settings from host data: {@code sudo} (true/false), {@code sudo_user}, {@code chdir}, {@code timeout}
     * (seconds) and {@code env} (a map).
     */
    public static Settings fromHostData(Host host) {
        Map<String, Object> d = host.data();
        Boolean sudo = d.get("sudo") == null ? null : Boolean.valueOf(d.get("sudo").toString().strip().toLowerCase(java.util.Locale.ROOT)
                .matches("true|yes|1"));
        String user = d.get("sudo_user") == null ? null : d.get("sudo_user").toString();
        Map<String, String> env = new LinkedHashMap<>();
        if (d.get("env") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        }
        String chdir = d.get("chdir") == null ? null : d.get("chdir").toString();
        Duration timeout = null;
        if (d.get("timeout") != null) {
            try {
                timeout = Duration.ofSeconds(Long.parseLong(d.get("timeout").toString().strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("host " + host.name() + ": timeout must be whole seconds, not '" + d.get("timeout") + "'");
            }
        }
        // A sudo user in host data means sudo, unless the data says sudo: false.
        Boolean use = sudo != null ? sudo : user != null ? Boolean.TRUE : null;
        return new Settings(use, user, env, chdir, timeout);
    }

    public boolean usesSudo() {
        return Boolean.TRUE.equals(useSudo);
    }

    public Duration timeoutOrZero() {
        return timeout == null ? Duration.ZERO : timeout;
    }
}
