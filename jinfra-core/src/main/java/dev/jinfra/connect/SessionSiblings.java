package dev.jinfra.connect;

/**
 * How a command is ended on a login whose SSH server refuses "signal" requests. OpenSSH's sshd refuses them
 * for root's sessions (it runs those without privilege separation), so a timeout or Ctrl-C would leave the
 * command running and a retry would start a second copy beside it.
 *
 * <p>For such a login, sshd serves each channel of a connection from one process: every command's shell is a
 * child of it, and the leader of a process group of its own (sshd calls setsid). A second channel on the same
 * connection therefore finds the commands still running as its own siblings, the other children of its parent,
 * and ends their process groups: TERM, then KILL after a grace time. jinfra runs one command at a time on a
 * connection, so the siblings are exactly the commands to end; nothing changes in how commands are sent, and
 * nothing depends on the login shell's syntax (the script runs under {@code sh}, started with words any shell
 * reads).
 */
final class SessionSiblings {
    private SessionSiblings() {}

    /**
     * The command for the second channel. Siblings are read from {@code /proc/PID/stat}: its fields after the
     * command name (which may hold spaces and parentheses, so everything up to the last ") " goes) start with
     * the state and the parent's id. {@code kill -TERM -PGID} and {@code kill -0 -PGID} are the forms dash and
     * bash both accept ({@code --} is an error in dash's kill).
     */
    static String endCommand(long graceMillis) {
        long polls = Math.max(1, graceMillis / 100);
        String script =
                "me=$$; up=$PPID; list() { for d in /proc/[0-9]*; do p=${d#/proc/}; [ \"$p\" = \"$me\" ] && continue;"
                        + " { read -r l < \"$d/stat\"; } 2>/dev/null || continue; set -- ${l##*) }; [ \"$2\" = \"$up\" ] && echo \"$p\";"
                        + " done; }; g=$(list); [ -n \"$g\" ] || exit 0; for p in $g; do kill -TERM -\"$p\"; done 2>/dev/null;"
                        + " n=0; while [ $n -lt " + polls
                        + " ]; do a=; for p in $g; do kill -0 -\"$p\" 2>/dev/null && a=1; done;"
                        + " [ -z \"$a\" ] && exit 0; sleep 0.1; n=$((n+1)); done;"
                        + " for p in $g; do kill -KILL -\"$p\"; done 2>/dev/null; exit 0";
        // exec: sh takes the login shell's place, so its parent is sshd's process for this connection.
        return "exec sh -c " + dev.jinfra.command.ShellQuote.quote(script);
    }
}
