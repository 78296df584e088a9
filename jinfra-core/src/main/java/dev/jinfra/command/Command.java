package dev.jinfra.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A command for the remote shell, built from quoted words or from shell text the user wrote, and wrapped
 * for privilege escalation (sudo, su, doas), working directory, environment and the shell that interprets
 * it. Every value that is not the user's own shell text goes through {@link ShellQuote}; nothing is joined by
 * string concatenation of raw input.
 *
 * <pre>{@code
 * Command.of("mkdir", "-p", dir).sudo("root").chdir("/srv").env("LANG", "C").render()
 * }</pre>
 */
public final class Command {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String DEFAULT_SHELL = "sh";
    /** The line that ends the sudo password on standard input (see {@link #sudoStdin}). */
    static final String SUDO_PASSWORD_END = "--jinfra-sudo-password-end--";
    /**
     * Reads standard input up to and including {@link #SUDO_PASSWORD_END}, before the command itself: the
     * password line is gone whether sudo read it or not. {@code read} takes one line at a time from a pipe,
     * so the command's own input after the marker stays untouched.
     */
    private static final String SKIP_SUDO_PASSWORD = "while IFS= read -r jinfra_line && [ \"$jinfra_line\" != "
            + SUDO_PASSWORD_END + " ]; do :; done; unset jinfra_line; ";

    /** How the command gains another user's rights. */
    public enum Escalation {
        NONE,
        SUDO,
        SU,
        DOAS
    }

    private final String script;
    private final Escalation escalation;
    private final String asUser;
    private final boolean passwordOnStdin;
    private final String chdir;
    private final Map<String, String> env;
    private final String shell;
    // The words given to of(), each quoted in the script; null for shell text, which has no words of its own.
    private final List<String> words;
    // The arguments given to script(), each quoted in the script; null for any other command.
    private final List<String> scriptArgs;
    // The environment's values go on standard input (see envOnStdin()), not on the command line.
    private final boolean envOnStdin;
    // Names of environment variables whose values are secret (secretEnv()): always on standard input, never shown.
    private final Set<String> secretNames;
    // The command's own standard input (input()) as sent and as shown; null for none.
    private final String input;
    private final String shownInput;

    private Command(
            String script,
            Escalation escalation,
            String asUser,
            boolean passwordOnStdin,
            String chdir,
            Map<String, String> env,
            String shell,
            List<String> words,
            List<String> scriptArgs,
            boolean envOnStdin,
            Set<String> secretNames,
            String input,
            String shownInput) {
        this.words = words;
        this.scriptArgs = scriptArgs;
        this.envOnStdin = envOnStdin;
        this.secretNames = secretNames;
        this.input = input;
        this.shownInput = shownInput;
        this.script = script;
        this.escalation = escalation;
        this.asUser = asUser;
        this.passwordOnStdin = passwordOnStdin;
        this.chdir = chdir;
        this.env = env;
        this.shell = shell;
    }

    /** A program and its arguments, each quoted as one word. */
    public static Command of(String program, String... args) {
        List<String> words = new ArrayList<>(args.length + 1);
        words.add(program);
        words.addAll(List.of(args));
        return of(words);
    }

    /** Words, each quoted; the first, the program, also where sh would read it as grammar. */
    public static Command of(List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least one word");
        }
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            Objects.requireNonNull(w, "command word");
            sb.append(sb.isEmpty() ? ShellQuote.quoteProgram(w) : ShellQuote.quote(w));
        }
        List<String> given = List.copyOf(words);
        return new Command(
                sb.toString(),
                Escalation.NONE,
                null,
                false,
                null,
                Map.of(),
                null,
                given,
                null,
                false,
                Set.of(),
                null,
                null);
    }

    /**
     * {@code script} (fixed shell text) run in a subshell with {@code args}, each quoted, as its positional
     * parameters: what {@code sh -c script sh args...} does, without starting another shell program. Whatever the
     * script does to its shell (variables, umask, traps, {@code exit}) ends with the subshell. User text belongs
     * in {@code args}, never in {@code script}.
     */
    public static Command script(String script, String... args) {
        return script(script, List.of(args));
    }

    /** As {@link #script(String, String...)}, with the arguments in a list. */
    public static Command script(String script, List<String> args) {
        List<String> given = List.copyOf(args);
        StringBuilder sb = new StringBuilder("(set --");
        for (String a : given) {
            sb.append(' ').append(ShellQuote.quote(a));
        }
        return shell(sb.append("; ").append(script).append(')').toString()).with(p -> p.scriptArgs = given);
    }

    /** Shell text as the user wrote it (pipes, redirections, variables are theirs to use). */
    public static Command shell(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty command");
        }
        ShellQuote.requireSendable(text);
        return new Command(
                text, Escalation.NONE, null, false, null, Map.of(), null, null, null, false, Set.of(), null, null);
    }

    /** Runs the command as {@code user} through {@code sudo}; the password, if any, is sent on stdin. */
    public Command sudo(String user, boolean passwordOnStdin) {
        String as = checkUser(user);
        return with(p -> {
            p.escalation = Escalation.SUDO;
            p.asUser = as;
            p.passwordOnStdin = passwordOnStdin;
        });
    }

    public Command sudo(String user) {
        return sudo(user, false);
    }

    /** Runs the command as {@code user} through {@code su}; the password, if any, is sent on stdin. */
    public Command su(String user) {
        String as = checkUser(user);
        return with(p -> {
            p.escalation = Escalation.SU;
            p.asUser = as;
            p.passwordOnStdin = false;
        });
    }

    /** Runs the command as {@code user} through {@code doas} (OpenBSD, Alpine), which never prompts here. */
    public Command doas(String user) {
        String as = checkUser(user);
        return with(p -> {
            p.escalation = Escalation.DOAS;
            p.asUser = as;
            p.passwordOnStdin = false;
        });
    }

    /**
     * The user to change to, root when null. Checked here, where the command is made (an operation's plan), rather
     * than when it is rendered to be sent. A leading '-' is refused: su takes the user as a word of its own after
     * its options, so '-' or '-c' there would be read as an option (a login shell as root, another command); no
     * account name starts with one.
     */
    private static String checkUser(String user) {
        if (user == null) {
            return "root";
        }
        if (user.isEmpty() || user.startsWith("-")) {
            throw new IllegalArgumentException("not a user to run commands as: '" + user + "'");
        }
        return ShellQuote.requireSendable(user);
    }

    public Command chdir(String dir) {
        // Quoted only when rendered: text that cannot be sent is refused now, while the plan is made.
        if (dir != null) {
            ShellQuote.requireSendable(dir);
        }
        return with(p -> p.chdir = dir);
    }

    /** The shell that interprets the command, e.g. {@code bash}; default {@code sh}. */
    public Command interpreter(String shellProgram) {
        if (shellProgram != null && !Pattern.matches("[A-Za-z0-9_./-]+", shellProgram)) {
            throw new IllegalArgumentException("not a shell program: '" + shellProgram + "'");
        }
        return with(p -> p.shell = shellProgram);
    }

    public Command env(String name, String value) {
        if (!ENV_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid environment variable name: '" + name + "'");
        }
        var copy = new LinkedHashMap<>(env);
        // The value may travel on standard input (envOnStdin()), not through ShellQuote: checked here for both ways.
        copy.put(name, ShellQuote.requireSendable(Objects.requireNonNull(value, "value")));
        return with(p -> p.env = copy);
    }

    public Command env(Map<String, String> vars) {
        Command c = this;
        for (var e : vars.entrySet()) {
            c = c.env(e.getKey(), e.getValue());
        }
        return c;
    }

    /**
     * An environment variable whose value is secret (a database client's password): it always travels on standard
     * input, as {@link #envOnStdin()} sends values, and is shown as {@link Redaction#MASK} whatever its name.
     */
    public Command secretEnv(String name, String value) {
        var names = new java.util.LinkedHashSet<>(secretNames);
        names.add(name);
        return env(name, value).with(p -> {
            p.envOnStdin = true;
            p.secretNames = Set.copyOf(names);
        });
    }

    /**
     * This command with standard input of its own (a database client's SQL), sent after the environment's values
     * and never on the command line. {@code shown} is the input as people may see it (secrets in it masked).
     */
    public Command input(String text, String shown) {
        ShellQuote.requireSendable(Objects.requireNonNull(text, "input"));
        Objects.requireNonNull(shown, "shown input");
        return with(p -> {
            p.input = text;
            p.shownInput = shown;
        });
    }

    /**
     * Whether the command must be given {@link #stdin(byte[])} to run: it has input of its own or secret
     * environment values. Such a command cannot share a script or a probe with others, whose input is not its own.
     */
    public boolean needsOwnStdin() {
        return input != null || !secretNames.isEmpty();
    }

    /**
     * This command with its environment's values sent on standard input instead of on the command line, where any
     * user of the host reads them ({@code ps}, {@code /proc/PID/cmdline}, sudo's {@code SUDO_COMMAND}). The
     * command line then only has the variables' names and a few lines of shell that read one line per variable
     * from standard input before anything else; {@link #stdin(byte[])} makes the input that goes with it.
     */
    public Command envOnStdin() {
        return with(p -> p.envOnStdin = true);
    }

    /** A copy of this command with some of its parts changed: every change of a command is made this one way. */
    private Command with(java.util.function.Consumer<Parts> change) {
        Parts p = new Parts(this);
        change.accept(p);
        return new Command(
                p.script,
                p.escalation,
                p.asUser,
                p.passwordOnStdin,
                p.chdir,
                p.env,
                p.shell,
                p.words,
                p.scriptArgs,
                p.envOnStdin,
                p.secretNames,
                p.input,
                p.shownInput);
    }

    /** A command's parts while a copy of it is being changed. */
    private static final class Parts {
        String script;
        Escalation escalation;
        String asUser;
        boolean passwordOnStdin;
        String chdir;
        Map<String, String> env;
        String shell;
        List<String> words;
        List<String> scriptArgs;
        boolean envOnStdin;
        Set<String> secretNames;
        String input;
        String shownInput;

        Parts(Command c) {
            script = c.script;
            escalation = c.escalation;
            asUser = c.asUser;
            passwordOnStdin = c.passwordOnStdin;
            chdir = c.chdir;
            env = c.env;
            shell = c.shell;
            words = c.words;
            scriptArgs = c.scriptArgs;
            envOnStdin = c.envOnStdin;
            secretNames = c.secretNames;
            input = c.input;
            shownInput = c.shownInput;
        }
    }

    /**
     * The standard input this command needs: its environment's values when they go on standard input (one line
     * each, backslashes and newlines escaped for {@code printf %b}), then {@code own} (may be null). With a sudo
     * password, the result goes after it: {@code sudoStdin(password, command.stdin(own))}.
     */
    public byte[] stdin(byte[] own) {
        if (input != null) {
            byte[] mine = input.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (own == null || own.length == 0) {
                own = mine;
            } else {
                byte[] both = java.util.Arrays.copyOf(mine, mine.length + own.length);
                System.arraycopy(own, 0, both, mine.length, own.length);
                own = both;
            }
        }
        if (!envOnStdin || env.isEmpty()) {
            return own;
        }
        StringBuilder lines = new StringBuilder();
        for (String value : env.values()) {
            lines.append(value.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        }
        byte[] head = lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (own == null || own.length == 0) {
            return head;
        }
        byte[] both = java.util.Arrays.copyOf(head, head.length + own.length);
        System.arraycopy(own, 0, both, head.length, own.length);
        return both;
    }

    public boolean usesSudo() {
        return escalation == Escalation.SUDO;
    }

    /**
     * Whether this is one program with quoted arguments and nothing around it (no sudo, environment, directory or
     * shell): such a command can run inside another shell script without a subshell of its own, since it can
     * neither exit that script nor change its state.
     */
    public boolean isPlainProgram() {
        return words != null && escalation == Escalation.NONE && chdir == null && env.isEmpty() && shell == null;
    }

    /** The words given to {@link #of}, unquoted; null for shell text. What a host's program must receive. */
    List<String> words() {
        return words;
    }

    /** The arguments given to {@link #script}, unquoted; null for any other command. What its $1, $2... must be. */
    List<String> scriptArgs() {
        return scriptArgs;
    }

    /** The text to hand to the remote side's shell. */
    public String render() {
        return render(false);
    }

    /**
     * The command as shown to people (-vv, JSON events, proposals, dry runs, errors): values of environment
     * variables whose name says they are secret, and passwords in URLs, as {@link Redaction#MASK}. Only
     * {@link #render()} is ever sent.
     */
    public String shown() {
        String shown = Redaction.urlPasswords(render(true));
        // The input as a here-string: what the command reads, on one line, though it never travels on one.
        return shownInput == null ? shown : shown + " <<< " + ShellQuote.quote(shownInput);
    }

    private String render(boolean masked) {
        String inner = script;
        if (chdir != null) {
            inner = "cd " + ShellQuote.quote(chdir) + " && " + inner;
        }
        if (!env.isEmpty() && envOnStdin && !masked) {
            // One line per value from standard input; read takes one line at a time from a pipe, so the command's
            // own input after them stays untouched. The x keeps trailing newlines the value may end with.
            StringBuilder reads = new StringBuilder();
            for (String name : env.keySet()) {
                reads.append("IFS= read -r jinfra_v || exit 125; jinfra_v=$(printf '%bx' \"$jinfra_v\"); export ")
                        .append(name)
                        .append("=\"${jinfra_v%x}\"; ");
            }
            inner = reads + "unset jinfra_v; " + inner;
        } else if (!env.isEmpty()) {
            // Shown to people (secret values masked) as the variables the command gets, however they are sent.
            StringBuilder exports = new StringBuilder();
            for (var e : env.entrySet()) {
                String value = masked && (Redaction.isSecretName(e.getKey()) || secretNames.contains(e.getKey()))
                        ? Redaction.MASK
                        : e.getValue();
                exports.append("export ")
                        .append(e.getKey())
                        .append('=')
                        .append(ShellQuote.quote(value))
                        .append("; ");
            }
            inner = exports + inner;
        }
        String sh = shell == null ? DEFAULT_SHELL : shell;
        String interpreted = sh + " -c "
                + ShellQuote.quote(
                        escalation == Escalation.SUDO && passwordOnStdin ? SKIP_SUDO_PASSWORD + inner : inner);
        return switch (escalation) {
            // A plain command still runs under sh -c when wrapped, so that `cd && cmd` and exports stay inside one
            // shell whatever the login shell is.
            case NONE -> chdir == null && env.isEmpty() && shell == null ? inner : interpreted;
            // -H: the target user's HOME; -n: never wait for a password prompt unless we send one on stdin (-S),
            // so a missing password fails at once instead of hanging; -p '': no prompt text in the output.
            case SUDO ->
                "sudo " + (passwordOnStdin ? "-H -S -p ''" : "-H -n") + " -u " + ShellQuote.quote(asUser) + " -- "
                        + interpreted;
            // -s: su's own shell choice would be the user's login shell, which may be nologin.
            case SU ->
                "su -s " + ShellQuote.quote("/bin/" + (sh.contains("/") ? sh.substring(sh.lastIndexOf('/') + 1) : sh))
                        + " -c " + ShellQuote.quote(inner) + " " + ShellQuote.quote(asUser);
            // -n: fail instead of prompting.
            case DOAS -> "doas -n -u " + ShellQuote.quote(asUser) + " " + interpreted;
        };
    }

    /**
     * Standard input for a command made with {@code sudo(user, true)}: the password, the line that ends it, then
     * the command's own input ({@code own}, may be null).
     *
     * <p>Why the end line: {@code sudo -S} reads the password only when it asks for one. Under NOPASSWD, with
     * cached credentials or as root it reads nothing, and the password would be the first line of the command's
     * input, where {@code cat} or a script would print it. The rendered command first reads up to this line
     * itself, so the password never reaches the command either way.
     */
    public static byte[] sudoStdin(String password, byte[] own) {
        byte[] head = (password + "\n" + SUDO_PASSWORD_END + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (own == null || own.length == 0) {
            return head;
        }
        byte[] both = java.util.Arrays.copyOf(head, head.length + own.length);
        System.arraycopy(own, 0, both, head.length, own.length);
        return both;
    }

    /** As shown, never the secrets: a command that lands in a log by accident must not carry them there. */
    @Override
    public String toString() {
        return shown();
    }
}
