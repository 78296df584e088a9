package dev.jinfra.deploy;

import dev.jinfra.command.Secret;
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
 * @param suUser run through {@code su} as this user (sudo wins when both are set at one level)
 * @param doasUser run through {@code doas} as this user
 * @param shell the shell that interprets commands, e.g. {@code bash}
 * @param env merged across levels, the higher level winning per variable
 */
public record Settings(
        Boolean useSudo,
        String sudoUser,
        String suUser,
        String doasUser,
        Map<String, String> env,
        String chdir,
        Duration timeout,
        String shell,
        Controls controls) {
    public static final Settings NONE = new Settings(null, null, null, null, Map.of(), null, null, null, Controls.NONE);

    public Settings {
        // Sorted, so that the same settings always render the same command line.
        env = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(env));
        controls = controls == null ? Controls.NONE : controls;
    }

    public Settings(
            Boolean useSudo,
            String sudoUser,
            String suUser,
            String doasUser,
            Map<String, String> env,
            String chdir,
            Duration timeout,
            String shell) {
        this(useSudo, sudoUser, suUser, doasUser, env, chdir, timeout, shell, Controls.NONE);
    }

    /** An empty set of settings to chain onto: {@code settings().sudo().env("LANG", "C")}. */
    public static Settings settings() {
        return NONE;
    }

    public Settings sudo() {
        return new Settings(true, sudoUser, suUser, doasUser, env, chdir, timeout, shell, controls);
    }

    public Settings sudo(String user) {
        return new Settings(true, user, suUser, doasUser, env, chdir, timeout, shell, controls);
    }

    public Settings su(String user) {
        return new Settings(useSudo, sudoUser, user, doasUser, env, chdir, timeout, shell, controls);
    }

    public Settings doas(String user) {
        return new Settings(useSudo, sudoUser, suUser, user, env, chdir, timeout, shell, controls);
    }

    public Settings shell(String program) {
        return new Settings(useSudo, sudoUser, suUser, doasUser, env, chdir, timeout, program, controls);
    }

    public Settings env(String name, String value) {
        Map<String, String> m = new LinkedHashMap<>(env);
        m.put(name, value);
        return new Settings(useSudo, sudoUser, suUser, doasUser, m, chdir, timeout, shell, controls);
    }

    public Settings chdir(String dir) {
        return new Settings(useSudo, sudoUser, suUser, doasUser, env, dir, timeout, shell, controls);
    }

    public Settings timeout(Duration limit) {
        return new Settings(useSudo, sudoUser, suUser, doasUser, env, chdir, limit, shell, controls);
    }

    /** Runs a failed command again up to {@code times} more times, waiting {@code delay} between tries. */
    public Settings retries(int times, Duration delay) {
        return withControls(controls.withRetries(times, delay));
    }

    /** With {@link #retries}: also run a command again while its output does not satisfy {@code done}. */
    public Settings retryUntil(java.util.function.Predicate<String> done) {
        return withControls(controls.withRetryUntil(done));
    }

    /** Exit codes that count as success (default: only 0). */
    public Settings successExitCodes(Integer... codes) {
        return withControls(controls.withSuccessExitCodes(java.util.Set.of(codes)));
    }

    /** A failure is reported but does not take the host out of the run. */
    public Settings ignoreErrors() {
        return withControls(controls.withIgnoreErrors(true));
    }

    /** When a command fails, the operation's remaining commands still run (the operation still fails). */
    public Settings continueOnError() {
        return withControls(controls.withContinueOnError(true));
    }

    /** Runs only if {@code condition} holds when the operation's turn comes; conditions of all levels must hold. */
    public Settings when(java.util.function.BooleanSupplier condition) {
        return withControls(controls.withWhen(condition));
    }

    /** Text sent to each command's standard input. */
    public Settings stdin(String text) {
        return withControls(controls.withStdin(text));
    }

    /** The password for {@code sudo -S}; never printed. */
    public Settings sudoPassword(Secret password) {
        return withControls(controls.withSudoPassword(password));
    }

    public Settings withControls(Controls c) {
        return new Settings(useSudo, sudoUser, suUser, doasUser, env, chdir, timeout, shell, c);
    }

    /** These settings where set, else {@code lower}'s. */
    public Settings over(Settings lower) {
        Map<String, String> mergedEnv = new LinkedHashMap<>(lower.env);
        mergedEnv.putAll(env);
        return new Settings(
                useSudo != null ? useSudo : lower.useSudo,
                sudoUser != null ? sudoUser : lower.sudoUser,
                suUser != null ? suUser : lower.suUser,
                doasUser != null ? doasUser : lower.doasUser,
                mergedEnv,
                chdir != null ? chdir : lower.chdir,
                timeout != null ? timeout : lower.timeout,
                shell != null ? shell : lower.shell,
                controls.over(lower.controls));
    }

    /**
     * Settings from host data: {@code sudo} (true/false), {@code sudo_user}, {@code su_user}, {@code doas_user},
     * {@code chdir}, {@code timeout} (seconds), {@code shell} and {@code env} (a map).
     */
    public static Settings fromHostData(Host host) {
        Map<String, Object> d = host.revealedData();
        Boolean sudo = d.get("sudo") == null
                ? null
                : Boolean.valueOf(d.get("sudo")
                        .toString()
                        .strip()
                        .toLowerCase(java.util.Locale.ROOT)
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
                timeout = Duration.ofSeconds(
                        Long.parseLong(d.get("timeout").toString().strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "host " + host.name() + ": timeout must be whole seconds, not '" + d.get("timeout") + "'");
            }
        }
        // A sudo user in host data means sudo, unless the data says sudo: false.
        Boolean use = sudo != null ? sudo : user != null ? Boolean.TRUE : null;
        return new Settings(
                use,
                user,
                text(d, "su_user"),
                text(d, "doas_user"),
                env,
                chdir,
                timeout,
                text(d, "shell"),
                Controls.fromHostData(host));
    }

    private static String text(Map<String, Object> data, String key) {
        return data.get(key) == null ? null : data.get(key).toString();
    }

    /** The password sudo is given: the one set at these levels, else {@code commandLine}'s (may be null). */
    public Secret sudoPasswordOr(Secret commandLine) {
        return controls.sudoPassword() != null ? controls.sudoPassword() : commandLine;
    }

    public boolean usesSudo() {
        return Boolean.TRUE.equals(useSudo);
    }

    public Duration timeoutOrZero() {
        return timeout == null ? Duration.ZERO : timeout;
    }
}
