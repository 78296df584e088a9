package dev.jinfra.engine.deploy;

import dev.jinfra.command.Command;
import dev.jinfra.connect.CommandRequest;
import dev.jinfra.connect.CommandResult;
import dev.jinfra.connect.Connection;
import dev.jinfra.connect.OutputListener;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lock a deploy holds on a host while it changes it, so that two runs never interleave their changes (two runs
 * of the same {@code files.line} would both see the line missing and both add it). The lock is a directory made
 * with {@code mkdir}, which is atomic on the host, in the first writable one of {@code /run/lock},
 * {@code /var/lock} and {@code /tmp} (so that users who cannot write to the first still lock), or in the directory
 * the host's {@code JINFRA_LOCK_DIR} environment variable names (test fleets whose hosts share one machine give
 * each host its own), holding a file that
 * says who holds it: the run's id, user and machine, process id and start time. A run takes it before its first
 * change to the host, reads the host's facts again (another run may have changed it in between), and removes it
 * when it is done with the host, only if it is still its own.
 */
final class HostLock {
    // $1: the holder file's text; $2: "break" to remove another run's lock first. Prints "acquired DIR" (and
    // "broke" with the old holder after it) or "held DIR" with the holder's file.
    private static final String TAKE = "l=; for d in ${JINFRA_LOCK_DIR:-/run/lock /var/lock /tmp}; do "
            + "if [ -d \"$d\" ] && [ -w \"$d\" ]; then l=\"$d/jinfra.lock\"; break; fi; done; "
            + "[ -n \"$l\" ] || { echo \"no writable directory for the lock (${JINFRA_LOCK_DIR:-/run/lock, /var/lock, /tmp})\"; exit 3; }; "
            + "old=; if [ \"$2\" = break ] && [ -d \"$l\" ]; then old=\"$(cat -- \"$l/holder\" 2>/dev/null)\"; "
            + "rm -rf -- \"$l\" || exit 3; fi; "
            + "if mkdir -- \"$l\" 2>/dev/null; then printf '%s\\n' \"$1\" > \"$l/holder\"; echo \"acquired $l\"; "
            + "if [ -n \"$old\" ]; then echo broke; printf '%s\\n' \"$old\"; fi; exit 0; fi; "
            + "echo \"held $l\"; cat -- \"$l/holder\" 2>/dev/null; exit 1";

    // $1: the lock directory; $2: this run's id. Removes the lock only while it is this run's. The holder's run
    // line is read by the shell itself (sed in a command substitution was two more processes on every host).
    private static final String GIVE_BACK = "r=; { while IFS= read -r x; do case \"$x\" in run=*) r=\"${x#run=}\";; "
            + "esac; done < \"$1/holder\"; } 2>/dev/null; "
            + "if [ -n \"$r\" ] && [ \"$r\" = \"$2\" ]; then rm -rf -- \"$1\"; fi";

    private final String runId;
    private final String holderText;
    private final String controller;

    HostLock(String runId, String user, String controller, long pid, Instant since) {
        this.runId = runId;
        this.controller = controller;
        this.holderText = "run=" + runId + "\nby=" + user + "@" + controller + "\npid=" + pid + "\nsince="
                + since.getEpochSecond();
    }

    /** This process's lock identity. */
    static HostLock forThisProcess() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown";
        }
        String id = Markers.id();
        return new HostLock(
                id,
                System.getProperty("user.name"),
                host,
                ProcessHandle.current().pid(),
                Instant.now());
    }

    /**
     * What taking the lock came to: the lock directory when taken, else why not; and what the command run right
     * after taking it printed ({@code then}), or null.
     */
    record Taken(String directory, String refusal, String broken, CommandResult then) {
        Taken(String directory, String refusal, String broken) {
            this(directory, refusal, broken, null);
        }

        boolean taken() {
            return directory != null;
        }
    }

    /**
     * Takes the lock on the host behind {@code c}, retrying every second up to the policy's timeout while
     * another run holds it.
     *
     * @param commandTimeout the host's command time limit (zero for none): a host whose commands hang must not
     *     hold the run
     */
    Taken take(Connection c, LockPolicy policy, Duration commandTimeout, java.util.function.BooleanSupplier cancelled) {
        return take(c, policy, commandTimeout, cancelled, null, null);
    }

    /**
     * As {@link #take(Connection, LockPolicy, Duration, java.util.function.BooleanSupplier)}, running {@code then}
     * (a command, with {@code thenStdin}) in the same exchange once the lock is taken: reading the host again under
     * the lock costs no round trip of its own.
     */
    Taken take(
            Connection c,
            LockPolicy policy,
            Duration commandTimeout,
            java.util.function.BooleanSupplier cancelled,
            String then,
            byte[] thenStdin) {
        long deadline = System.nanoTime() + policy.timeout().toNanos();
        String separator = Markers.next("jinfra-locked-");
        String command = Command.script(TAKE, holderText, policy.breakLock() ? "break" : "")
                .render();
        if (then != null) {
            command = command + " && { echo " + separator + "; " + then + "; }";
        }
        while (true) {
            CommandResult whole = c.run(
                    new CommandRequest(command, then == null ? null : thenStdin, commandTimeout), OutputListener.NONE);
            CommandResult r = whole;
            CommandResult thenResult = null;
            int split = whole.stdout().indexOf(separator + "\n");
            if (then != null && split >= 0) {
                // The lock's part ended (the separator came after it), whatever became of the read after it.
                r = new CommandResult(
                        CommandResult.Outcome.EXITED, 0, whole.stdout().substring(0, split), "", whole.duration());
                thenResult = new CommandResult(
                        whole.outcome(),
                        whole.exitCode(),
                        whole.stdout().substring(split + separator.length() + 1),
                        whole.stderr(),
                        whole.duration());
            }
            String out = r.stdout();
            if (r.outcome() == CommandResult.Outcome.TIMED_OUT) {
                return new Taken(
                        null,
                        "could not take the run lock: timed out after "
                                + dev.jinfra.engine.ExecWork.describe(commandTimeout),
                        null);
            }
            if (r.outcome() != CommandResult.Outcome.EXITED) {
                return new Taken(null, "could not take the run lock: connection lost", null);
            }
            if (r.exitCode() == 0 && out.startsWith("acquired ")) {
                String dir = out.lines().findFirst().orElseThrow().substring("acquired ".length());
                int broke = out.indexOf("\nbroke\n");
                return new Taken(dir, null, broke < 0 ? null : describe(out.substring(broke + 7)), thenResult);
            }
            if (r.exitCode() != 1 || !out.startsWith("held ")) {
                String why = (out + r.stderr()).strip().lines().findFirst().orElse("exit " + r.exitCode());
                return new Taken(null, "could not take the run lock: " + why, null);
            }
            String dir = out.lines().findFirst().orElseThrow().substring("held ".length());
            String holder = out.substring(out.indexOf('\n') + 1);
            if (runId.equals(fields(holder).get("run"))) {
                // Already this run's: taken before a reboot, in a directory the reboot did not empty.
                return new Taken(dir, null, null);
            }
            if (System.nanoTime() >= deadline || cancelled.getAsBoolean()) {
                return new Taken(null, refusal(dir, holder), null);
            }
            try {
                Thread.sleep(Math.min(1000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Taken(null, "could not take the run lock: interrupted", null);
            }
        }
    }

    /**
     * Shell text that removes the lock in {@code directory} if it is still this run's and then prints {@code
     * done}, for the end of a script that makes the host's last changes.
     */
    String giveBackScript(String directory, String done) {
        return Command.script(GIVE_BACK, directory, runId).render() + " </dev/null >/dev/null 2>&1 && "
                + Command.of("echo", done).render() + "\n";
    }

    /** Removes the lock in {@code directory} if it is still this run's; false when the host could not be told. */
    boolean giveBack(Connection c, String directory, Duration commandTimeout) {
        CommandResult r = c.run(
                new CommandRequest(Command.script(GIVE_BACK, directory, runId).render(), null, commandTimeout),
                OutputListener.NONE);
        return r.outcome() == CommandResult.Outcome.EXITED && r.exitCode() == 0;
    }

    /** Why the host is not run: who holds its lock, since when, and what to do about it. */
    String refusal(String directory, String holderFile) {
        Map<String, String> holder = fields(holderFile);
        if (holder.isEmpty()) {
            return "locked by another run (" + directory + ", being taken or without a holder file); "
                    + "--break-lock removes it";
        }
        String by = holder.getOrDefault("by", "?");
        String since = holder.get("since");
        String age = "";
        boolean stale = false;
        if (since != null && since.matches("\\d+")) {
            Duration held = Duration.between(Instant.ofEpochSecond(Long.parseLong(since)), Instant.now());
            age = ", for " + human(held);
            stale = held.compareTo(Duration.ofDays(1)) > 0;
        }
        String pid = holder.getOrDefault("pid", "?");
        if (by.endsWith("@" + controller)
                && pid.matches("\\d+")
                && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
            return "locked by a jinfra run that is gone (" + by + ", process " + pid + " no longer runs" + age
                    + "); --break-lock removes the lock";
        }
        return "locked by another jinfra run: " + by + ", process " + pid + age + " (" + directory + ")"
                + (stale
                        ? "; held for over a day, probably left by a run that was killed: --break-lock removes it"
                        : "; --lock-timeout waits for it");
    }

    private static String describe(String holderFile) {
        Map<String, String> holder = fields(holderFile);
        return holder.getOrDefault("by", "unknown") + ", process " + holder.getOrDefault("pid", "?");
    }

    private static Map<String, String> fields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        text.lines().forEach(line -> {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq), line.substring(eq + 1));
            }
        });
        return fields;
    }

    private static String human(Duration d) {
        if (d.toHours() >= 1) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        if (d.toMinutes() >= 1) {
            return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        return Math.max(0, d.toSeconds()) + " s";
    }
}
