package dev.jinfra.connect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a command is ended on a login whose SSH server refuses "signal" requests. OpenSSH's sshd refuses them
 * for root's sessions (it runs those without privilege separation), so a timeout or Ctrl-C would leave the
 * command running and a retry would start a second copy beside it.
 *
 * <p>The command is therefore started behind one line that reports its login shell's process id on stderr.
 * sshd makes that shell the leader of a new session and process group, so the id is also the group's, and
 * another exec channel on the same connection can end the whole group with kill(1): TERM, then KILL after a
 * grace time. The report line is taken out of stderr before anything else sees it.
 */
final class ProcessGroupMark extends OutputStream {
    private static final String PREFIX = "jinfra-process-group=";
    private static final Pattern LINE = Pattern.compile(Pattern.quote(PREFIX) + "([0-9]{1,10})");
    // Lines a login shell's start-up files print before the report are passed on; past this many bytes the
    // report is no longer looked for, so a command's own output is never held back for long.
    private static final int LOOK_LIMIT = 16 * 1024;

    private final OutputStream next;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private volatile long group = -1;
    private int looked;
    private boolean looking = true;

    private ProcessGroupMark(OutputStream next) {
        this.next = next;
    }

    /** A mark that looks for the report in what reaches {@code stderr}, and passes everything else on. */
    static ProcessGroupMark filtering(OutputStream stderr) {
        return new ProcessGroupMark(stderr);
    }

    /**
     * The command text to send instead of {@code command}. {@code $$} is expanded by the login shell itself,
     * before the command runs; {@code echo} is a builtin, so no process is started for it.
     */
    static String wrap(String command) {
        return "echo " + PREFIX + "$$ >&2; " + command;
    }

    /** The command's process group once its report arrived. */
    OptionalLong group() {
        long g = group;
        return g > 0 ? OptionalLong.of(g) : OptionalLong.empty();
    }

    /**
     * A script for the login shell that sends TERM to every group, waits up to {@code graceMillis} for them to
     * end, and sends KILL to what is left. The forms {@code kill -TERM -PGID} and {@code kill -0 -PGID} are
     * the ones dash and bash both accept ({@code --} is an error in dash's kill).
     */
    static String endScript(List<Long> groups, long graceMillis) {
        String ids = groups.stream().map(g -> Long.toString(g)).collect(Collectors.joining(" "));
        long polls = Math.max(1, graceMillis / 100);
        return "for g in " + ids + "; do kill -TERM -$g; done 2>/dev/null; n=0; "
                + "while [ $n -lt " + polls + " ]; do a=; for g in " + ids + "; do kill -0 -$g 2>/dev/null && a=1;"
                + " done; [ -z \"$a\" ] && exit 0; sleep 0.1; n=$((n+1)); done; "
                + "for g in " + ids + "; do kill -KILL -$g; done 2>/dev/null; exit 0";
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        int i = offset;
        int end = offset + length;
        while (looking && i < end) {
            byte b = bytes[i++];
            looked++;
            if (b != '\n') {
                line.write(b);
                if (looked > LOOK_LIMIT) {
                    giveUp();
                }
                continue;
            }
            Matcher m = LINE.matcher(line.toString(StandardCharsets.UTF_8));
            if (m.matches()) {
                group = Long.parseLong(m.group(1));
                looking = false;
                line.reset();
            } else {
                line.write(b);
                if (looked > LOOK_LIMIT) {
                    giveUp();
                } else {
                    // Start-up noise before the report: on to the command's stderr as it came.
                    next.write(line.toByteArray());
                    line.reset();
                }
            }
        }
        if (i < end) {
            next.write(bytes, i, end - i);
        }
    }

    private void giveUp() throws IOException {
        looking = false;
        next.write(line.toByteArray());
        line.reset();
    }

    @Override
    public synchronized void flush() throws IOException {
        next.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (looking && line.size() > 0) {
            giveUp();
        }
        next.close();
    }
}
