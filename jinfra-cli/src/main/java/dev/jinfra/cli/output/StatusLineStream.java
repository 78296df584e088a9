package dev.jinfra.cli.output;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard error on a terminal, with the live status line kept at its bottom. Whatever else is written (a
 * warning, a host's stderr line with --stream) first clears the status line, so the two never run together on
 * one line; the display draws it again on its next tick. While a question is asked ({@link #pause}) the status
 * line is not drawn at all, so the prompt and what the user types stay on screen.
 */
public final class StatusLineStream extends PrintStream {
    private static final String CLEAR_LINE = "\r\u001b[2K";
    private static final byte[] CLEAR_BYTES = CLEAR_LINE.getBytes(StandardCharsets.US_ASCII);

    // Guarded by this.
    private boolean shown;
    private boolean drawing;
    private int pauses;

    public StatusLineStream(OutputStream out) {
        super(out, true, StandardCharsets.UTF_8);
    }

    /** Draws {@code text} as the status line in place of the previous one, unless a question is being asked. */
    public synchronized void drawStatus(String text) {
        if (pauses > 0) {
            return;
        }
        drawing = true;
        try {
            print(CLEAR_LINE + text);
            flush();
            shown = true;
        } finally {
            drawing = false;
        }
    }

    /** Removes the status line, if one is shown. */
    public synchronized void clearStatus() {
        if (shown) {
            shown = false;
            // As bytes, past the text encoder: this runs in the middle of other text being written through it.
            super.write(CLEAR_BYTES, 0, CLEAR_BYTES.length);
            flush();
        }
    }

    /** Hides the status line until {@link #resume}; pauses nest. */
    public synchronized void pause() {
        pauses++;
        clearStatus();
    }

    public synchronized void resume() {
        pauses = Math.max(0, pauses - 1);
    }

    @Override
    public void write(int b) {
        synchronized (this) {
            if (!drawing) {
                clearStatus();
            }
            super.write(b);
        }
    }

    @Override
    public void write(byte[] buf, int off, int len) {
        synchronized (this) {
            if (!drawing) {
                clearStatus();
            }
            super.write(buf, off, len);
        }
    }
}
