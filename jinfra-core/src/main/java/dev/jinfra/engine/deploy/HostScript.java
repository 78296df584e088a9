package dev.jinfra.engine.deploy;

import dev.jinfra.api.Payload;
import dev.jinfra.connect.CommandResult;
import dev.jinfra.connect.OutputListener;
import dev.jinfra.connect.PipedUpload;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands of several consecutive operations of one host as one shell script, so that they cost the host one
 * exchange instead of one each. After every command the script prints a marker line with its exit status, on
 * standard output and on standard error, so that each command's output and status are still known on their own;
 * the first command that fails ends the script there, as the run would have stopped that host there. A tail (the
 * facts the next operations need, the run lock given back) runs only when every command succeeded.
 *
 * <p>Standard input carries the uploads, one after the other, each taken whole by the command that installs it
 * ({@link PipedUpload}); every other command reads from {@code /dev/null}. A script that stops early reads the rest
 * of its input, so that the controller can always write all of it.
 */
final class HostScript {
    private final String marker = Markers.next("jinfra-step-");
    private final StringBuilder text = new StringBuilder();
    private final List<Integer> steps = new ArrayList<>();
    private final List<Payload> uploads = new ArrayList<>();
    private String tail = "";

    /**
     * Adds a command of step {@code step}.
     *
     * @param command shell text, as it would be sent on its own (without the user switch: the script as a whole
     *     runs as the operations' user)
     * @param upload content the command takes on its standard input (it then starts with {@link
     *     PipedUpload#prefix}), or null
     */
    void add(int step, String command, Payload upload) {
        int index = steps.size();
        steps.add(step);
        if (upload == null) {
            text.append("( ").append(command).append("\n) </dev/null\n");
        } else {
            if (uploads.isEmpty()) {
                // Asked here, in the script's own shell, the answer reaches every upload's subshell.
                text.append(PipedUpload.whichHead()).append('\n');
            }
            uploads.add(upload);
            text.append("( ").append(command).append("\n)\n");
        }
        text.append("jinfra_rc=$?; printf '\\n%s %d %d\\n' ")
                .append(marker)
                .append(' ')
                .append(index)
                .append(" $jinfra_rc; printf '\\n%s %d %d\\n' ")
                .append(marker)
                .append(' ')
                .append(index)
                .append(" $jinfra_rc >&2; [ $jinfra_rc -eq 0 ] || { cat >/dev/null; exit $jinfra_rc; }\n");
    }

    /** Script text run once every command succeeded; its output is {@link Result#tailOut()}. */
    void then(String script) {
        tail = script;
    }

    /** How long the script is, for keeping it within what one command line may hold. */
    int length() {
        return text.length() + tail.length();
    }

    String script() {
        return text + tail + "exit 0\n";
    }

    List<Payload> uploads() {
        return List.copyOf(uploads);
    }

    /**
     * Watches the script's standard output as it comes: {@code ended} hears each step (an operation's commands)
     * whose last command has ended, or whose command failed, with whether it failed. Progress inside a script,
     * before its end; called on an I/O thread.
     */
    OutputListener watcher(StepEnded ended) {
        String prefix = marker + " ";
        return (stream, line) -> {
            if (stream != OutputListener.Stream.STDOUT || !line.startsWith(prefix)) {
                return;
            }
            String[] words = line.substring(prefix.length()).strip().split(" ");
            try {
                int command = Integer.parseInt(words[0]);
                boolean failed = Integer.parseInt(words[1]) != 0;
                int step = steps.get(command);
                boolean lastOfStep = command + 1 == steps.size() || steps.get(command + 1) != step;
                if (failed || lastOfStep) {
                    ended.ended(step, failed);
                }
            } catch (RuntimeException e) {
                // Not a marker after all (a command printed text that starts alike): the parse at the end decides.
            }
        };
    }

    /** Hears a step of the script end; see {@link #watcher}. */
    @FunctionalInterface
    interface StepEnded {
        void ended(int step, boolean failed);
    }

    /** What one command of the script did. */
    record Ran(int step, int exitCode, String stdout, String stderr) {}

    /**
     * @param ran the commands that ran to their end, in order (the last may have failed)
     * @param tailOut what the tail printed, when every command succeeded; else null
     * @param restOut what was printed after the last marker when a command did not end (timed out, connection
     *     lost): that command's output so far; else empty
     * @param restErr the same on standard error
     */
    record Result(List<Ran> ran, String tailOut, String restOut, String restErr) {}

    /** Each command's status and output from what the script printed; a command without its marker did not end. */
    Result parse(CommandResult r) {
        String out = r.stdout();
        String err = r.stderr();
        int outFrom = 0;
        int errFrom = 0;
        List<Ran> ran = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String tag = "\n" + marker + " " + i + " ";
            int outAt = out.indexOf(tag, outFrom);
            if (outAt < 0) {
                return new Result(ran, null, out.substring(outFrom), err.substring(Math.min(errFrom, err.length())));
            }
            int outEnd = lineEnd(out, outAt + tag.length());
            int exit =
                    Integer.parseInt(out.substring(outAt + tag.length(), outEnd).strip());
            int errAt = err.indexOf(tag, errFrom);
            String stderr = errAt < 0 ? err.substring(Math.min(errFrom, err.length())) : err.substring(errFrom, errAt);
            ran.add(new Ran(steps.get(i), exit, out.substring(outFrom, outAt), stderr));
            outFrom = Math.min(out.length(), outEnd + 1);
            errFrom = errAt < 0 ? err.length() : Math.min(err.length(), lineEnd(err, errAt + tag.length()) + 1);
            if (exit != 0) {
                return new Result(ran, null, "", "");
            }
        }
        return new Result(ran, r.outcome() == CommandResult.Outcome.EXITED ? out.substring(outFrom) : null, "", "");
    }

    private static int lineEnd(String s, int from) {
        int at = s.indexOf('\n', from);
        return at < 0 ? s.length() : at;
    }
}
