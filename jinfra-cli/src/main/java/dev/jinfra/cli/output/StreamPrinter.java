package dev.jinfra.cli.output;

import dev.jinfra.connect.OutputListener;
import dev.jinfra.engine.RunListener;
import dev.jinfra.inventory.Host;
import java.io.PrintStream;

/**
 * {@code --stream}: each line of output as it arrives, prefixed with its host's name; a host's standard error
 * goes to our standard error, so that piping stdout keeps only what the hosts printed to theirs.
 */
public final class StreamPrinter implements RunListener {
    private final PrintStream out;
    private final PrintStream err;
    private final Style style;
    private final Style errStyle;

    public StreamPrinter(PrintStream out, PrintStream err, Style style) {
        this(out, err, style, style);
    }

    /** @param errStyle for lines on stderr, which may be redirected apart from stdout (no colours in a file) */
    public StreamPrinter(PrintStream out, PrintStream err, Style style, Style errStyle) {
        this.out = out;
        this.err = err;
        this.style = style;
        this.errStyle = errStyle;
    }

    @Override
    public void hostOutput(Host host, OutputListener.Stream stream, String line) {
        PrintStream to = stream == OutputListener.Stream.STDOUT ? out : err;
        String prefix = (stream == OutputListener.Stream.STDOUT ? style : errStyle).bold(host.name() + ":");
        synchronized (to) {
            to.println(prefix + " " + line);
        }
    }
}
