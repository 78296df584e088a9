package dev.jinfra.connect;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An output stream that keeps the first {@code limit} bytes of a command's output and hands complete lines to
 * an {@link OutputListener} as they arrive. The cap keeps memory bounded when a thousand hosts each print a lot;
 * what was cut is said at the end of the captured text.
 */
public final class OutputCapture extends OutputStream {
    /** Per stream and host. 1,000 hosts x 2 streams x 1 MiB is the worst case a run holds. */
    public static final int DEFAULT_LIMIT = 1 << 20;
    /**
     * The longest line handed to the listener in one piece; a longer one (output without newlines) is handed on
     * in pieces of this size, so streaming never holds more than this per stream on top of what is kept.
     */
    static final int LINE_PIECE = 64 << 10;

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final ByteArrayOutputStream pendingLine = new ByteArrayOutputStream();
    // jinfra's own notes, kept apart so that a full capture still ends with them.
    private final StringBuilder notes = new StringBuilder();
    private final OutputListener listener;
    private final OutputListener.Stream stream;
    private final int limit;
    private long dropped;

    public OutputCapture(OutputListener listener, OutputListener.Stream stream, int limit) {
        this.listener = listener;
        this.stream = stream;
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int keep = Math.max(0, Math.min(len, limit - kept.size()));
        kept.write(b, off, keep);
        dropped += len - keep;
        if (listener != OutputListener.NONE) {
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    emitLine();
                } else {
                    pendingLine.write(b[i]);
                    if (pendingLine.size() >= LINE_PIECE) {
                        emitLine();
                    }
                }
            }
        }
    }

    private void emitLine() {
        String line = pendingLine.toString(StandardCharsets.UTF_8);
        pendingLine.reset();
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        listener.line(stream, line);
    }

    /** How many bytes the command has written to this stream so far, kept or not. */
    public synchronized long received() {
        return kept.size() + dropped;
    }

    /** Emits a last line that had no newline. */
    @Override
    public synchronized void flush() {
        if (pendingLine.size() > 0) {
            emitLine();
        }
    }

    /** Adds a line of jinfra's own about this stream (a signal, a lost connection), marked as such. */
    public synchronized void note(String text) {
        String line = "[jinfra: " + text + "]";
        flush();
        if (listener != OutputListener.NONE) {
            listener.line(stream, line);
        }
        notes.append(line).append('\n');
    }

    public synchronized String text() {
        String s = kept.toString(StandardCharsets.UTF_8);
        if (dropped > 0) {
            s = s + (s.endsWith("\n") ? "" : "\n") + "[jinfra: " + dropped + " more bytes not kept]\n";
        }
        if (notes.isEmpty()) {
            return s;
        }
        return s + (s.isEmpty() || s.endsWith("\n") ? "" : "\n") + notes;
    }
}
