package dev.jinfra.deploy;

import dev.jinfra.command.Secret;
import dev.jinfra.inventory.Host;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * How an operation's commands are judged and repeated: retries, accepted exit codes, what a failure does, a
 * condition and standard input. Part of {@link Settings}, so they are set at the same four levels; a field
 * left null here is decided by the level below.
 *
 * <p>Two fields hold code and so come only from deploy code (an operation or a piece): {@code when} and
 * {@code retryUntil}. Where both an operation and its piece have a {@code when}, both must hold: a piece's
 * condition guards everything in it.
 *
 * @param retries how many more times a failed command runs
 * @param retryDelay the wait before each retry
 * @param successExitCodes exit codes that count as success
 * @param ignoreErrors a failure is reported but the host stays in the run
 * @param continueOnError after a failed command, the operation's remaining commands still run
 * @param sudoPassword sent to {@code sudo -S} when the operation uses sudo; never shown
 */
public record Controls(
        Integer retries,
        Duration retryDelay,
        Predicate<String> retryUntil,
        Set<Integer> successExitCodes,
        Boolean ignoreErrors,
        Boolean continueOnError,
        BooleanSupplier when,
        String stdin,
        Secret sudoPassword) {
    public static final Controls NONE = new Controls(null, null, null, null, null, null, null, null, null);

    public Controls {
        if (retries != null && retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
        if (retryDelay != null && retryDelay.isNegative()) {
            throw new IllegalArgumentException("retry delay must not be negative: " + retryDelay);
        }
        successExitCodes = successExitCodes == null ? null : Set.copyOf(successExitCodes);
    }

    Controls withRetries(int times, Duration delay) {
        return new Controls(
                times, delay, retryUntil, successExitCodes, ignoreErrors, continueOnError, when, stdin, sudoPassword);
    }

    Controls withRetryUntil(Predicate<String> done) {
        return new Controls(
                retries, retryDelay, done, successExitCodes, ignoreErrors, continueOnError, when, stdin, sudoPassword);
    }

    Controls withSuccessExitCodes(Set<Integer> codes) {
        return new Controls(
                retries, retryDelay, retryUntil, codes, ignoreErrors, continueOnError, when, stdin, sudoPassword);
    }

    Controls withIgnoreErrors(boolean on) {
        return new Controls(
                retries, retryDelay, retryUntil, successExitCodes, on, continueOnError, when, stdin, sudoPassword);
    }

    Controls withContinueOnError(boolean on) {
        return new Controls(
                retries, retryDelay, retryUntil, successExitCodes, ignoreErrors, on, when, stdin, sudoPassword);
    }

    Controls withWhen(BooleanSupplier condition) {
        return new Controls(
                retries,
                retryDelay,
                retryUntil,
                successExitCodes,
                ignoreErrors,
                continueOnError,
                condition,
                stdin,
                sudoPassword);
    }

    Controls withStdin(String text) {
        return new Controls(
                retries,
                retryDelay,
                retryUntil,
                successExitCodes,
                ignoreErrors,
                continueOnError,
                when,
                text,
                sudoPassword);
    }

    Controls withSudoPassword(Secret password) {
        return new Controls(
                retries,
                retryDelay,
                retryUntil,
                successExitCodes,
                ignoreErrors,
                continueOnError,
                when,
                stdin,
                password);
    }

    /** These controls where set, else {@code lower}'s; conditions of both levels must hold. */
    Controls over(Controls lower) {
        BooleanSupplier both = when == null
                ? lower.when
                : lower.when == null ? when : () -> lower.when.getAsBoolean() && when.getAsBoolean();
        return new Controls(
                or(retries, lower.retries),
                or(retryDelay, lower.retryDelay),
                or(retryUntil, lower.retryUntil),
                or(successExitCodes, lower.successExitCodes),
                or(ignoreErrors, lower.ignoreErrors),
                or(continueOnError, lower.continueOnError),
                both,
                or(stdin, lower.stdin),
                or(sudoPassword, lower.sudoPassword));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /**
     * Controls from host data: {@code retries}, {@code retry_delay} (seconds), {@code success_exit_codes} (a list
     * or "0,3"), {@code ignore_errors}, {@code continue_on_error} (true/false), {@code stdin} (text) and
     * {@code sudo_password} or {@code sudo_password_env}.
     */
    static Controls fromHostData(Host host) {
        Map<String, Object> d = host.revealedData();
        Integer retries = d.get("retries") == null ? null : whole(host, "retries", d.get("retries"));
        Duration delay = d.get("retry_delay") == null
                ? null
                : Duration.ofSeconds(whole(host, "retry_delay", d.get("retry_delay")));
        Set<Integer> codes = null;
        Object raw = d.get("success_exit_codes");
        if (raw != null) {
            codes = new TreeSet<>();
            Iterable<?> items = raw instanceof Iterable<?> it
                    ? it
                    : Arrays.asList(raw.toString().split(","));
            for (Object item : items) {
                codes.add(whole(host, "success_exit_codes", item));
            }
        }
        return new Controls(
                retries,
                delay,
                null,
                codes,
                flag(host, d, "ignore_errors"),
                flag(host, d, "continue_on_error"),
                null,
                d.get("stdin") == null ? null : d.get("stdin").toString(),
                sudoPassword(host, d));
    }

    /** {@code sudo_password_env} names an environment variable holding it; {@code sudo_password} is the text. */
    private static Secret sudoPassword(Host host, Map<String, Object> d) {
        if (d.get("sudo_password_env") != null) {
            String variable = d.get("sudo_password_env").toString();
            String value = System.getenv(variable);
            if (value == null) {
                throw new IllegalArgumentException("host " + host.name() + ": sudo_password_env: environment variable "
                        + variable + " is not set");
            }
            return new Secret(value);
        }
        return d.get("sudo_password") == null
                ? null
                : new Secret(d.get("sudo_password").toString());
    }

    private static int whole(Host host, String key, Object value) {
        try {
            int n = value instanceof Number num
                    ? num.intValue()
                    : Integer.parseInt(value.toString().strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "host " + host.name() + ": " + key + " must be a whole number, not '" + value + "'");
        }
    }

    private static Boolean flag(Host host, Map<String, Object> data, String key) {
        Object v = data.get(key);
        if (v == null) {
            return null;
        }
        return switch (v.toString().strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default ->
                throw new IllegalArgumentException(
                        "host " + host.name() + ": " + key + " must be true or false, not '" + v + "'");
        };
    }

    public int retriesOrZero() {
        return retries == null ? 0 : retries;
    }

    public Duration retryDelayOrZero() {
        return retryDelay == null ? Duration.ZERO : retryDelay;
    }

    public boolean succeeds(int exitCode) {
        return successExitCodes == null ? exitCode == 0 : successExitCodes.contains(exitCode);
    }

    /** Whether a run of a command is final: it succeeded and, when asked for, its output says it is done. */
    public boolean finished(int exitCode, String stdout) {
        return succeeds(exitCode) && (retryUntil == null || retryUntil.test(stdout));
    }

    public boolean ignoresErrors() {
        return Boolean.TRUE.equals(ignoreErrors);
    }

    public boolean continuesOnError() {
        return Boolean.TRUE.equals(continueOnError);
    }

    public boolean conditionHolds() {
        return when == null || when.getAsBoolean();
    }

    public byte[] stdinOrNull() {
        return stdin == null ? null : stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
