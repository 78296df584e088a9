package dev.jinfra.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A command for the remote shell, built from quoted words or from shell text the user wrote, and wrapped
 * for privilege escalation, working directory and environment. Every value that is not the user's own shell
 * text goes through {@link ShellQuote}; nothing is joined by string concatenation of raw input.
 *
 * <pre>{@code
 * Command.of("mkdir", "-p", dir).sudo("root").chdir("/srv").env("LANG", "C").render()
 * }</pre>
 */
public final class Command {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String script;
    private final String sudoUser;
    private final boolean sudoPasswordOnStdin;
    private final String chdir;
    private final Map<String, String> env;

    private Command(String script, String sudoUser, boolean sudoPasswordOnStdin, String chdir, Map<String, String> env) {
        this.script = script;
        this.sudoUser = sudoUser;
        this.sudoPasswordOnStdin = sudoPasswordOnStdin;
        this.chdir = chdir;
        this.env = env;
    }

    /** A program and its arguments, each quoted as one word. */
    public static Command of(String program, String... args) {
        List<String> words = new ArrayList<>(args.length + 1);
        words.add(program);
        words.addAll(List.of(args));
        return of(words);
    }

    /** Words, each quoted. */
    public static Command of(List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least one word");
        }
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(ShellQuote.quote(Objects.requireNonNull(w, "command word")));
        }
        return new Command(sb.toString(), null, false, null, Map.of());
    }

    /** Shell text as the user wrote it (pipes, redirections, variables are theirs to use). */
    public static Command shell(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty command");
        }
        return new Command(text, null, false, null, Map.of());
    }

    /** Runs the command as {@code user} through {@code sudo}; the password, if any, is sent on stdin. */
    public Command sudo(String user, boolean passwordOnStdin) {
        return new Command(script, user == null ? "root" : user, passwordOnStdin, chdir, env);
    }

    public Command sudo(String user) {
        return sudo(user, false);
    }

    public Command chdir(String dir) {
        return new Command(script, sudoUser, sudoPasswordOnStdin, dir, env);
    }

    public Command env(String name, String value) {
        if (!ENV_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid environment variable name: '" + name + "'");
        }
        var copy = new LinkedHashMap<>(env);
        copy.put(name, Objects.requireNonNull(value, "value"));
        return new Command(script, sudoUser, sudoPasswordOnStdin, chdir, copy);
    }

    public Command env(Map<String, String> vars) {
        Command c = this;
        for (var e : vars.entrySet()) {
            c = c.env(e.getKey(), e.getValue());
        }
        return c;
    }

    public boolean usesSudo() {
        return sudoUser != null;
    }

    /** The text to hand to the remote side's shell. */
    public String render() {
        String inner = script;
        if (chdir != null) {
            inner = "cd " + ShellQuote.quote(chdir) + " && " + inner;
        }
        if (!env.isEmpty()) {
            StringBuilder exports = new StringBuilder();
            for (var e : env.entrySet()) {
                exports.append("export ").append(e.getKey()).append('=').append(ShellQuote.quote(e.getValue())).append("; ");
            }
            inner = exports + inner;
        }
        if (sudoUser == null) {
            // A plain command still runs under sh -c when wrapped, so that `cd && cmd` and exports stay
            // inside one shell whatever the login shell is.
            return chdir == null && env.isEmpty() ? inner : "sh -c " + ShellQuote.quote(inner);
        }
        // -H: the target user's HOME; -n: never wait for a password prompt unless we send one on stdin (-S),
        // so a missing password fails at once instead of hanging; -p '': no prompt text in the output.
        String flags = sudoPasswordOnStdin ? "-H -S -p ''" : "-H -n";
        return "sudo " + flags + " -u " + ShellQuote.quote(sudoUser) + " -- sh -c " + ShellQuote.quote(inner);
    }

    @Override
    public String toString() {
        return render();
    }
}
