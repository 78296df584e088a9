package dev.jinfra.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jinfra.cli.ExitCode;
import dev.jinfra.engine.HostResult;
import dev.jinfra.engine.HostState;
import dev.jinfra.engine.RunListener;
import dev.jinfra.engine.RunSummary;
import java.io.PrintStream;

/**
 * {@code --json}: one JSON object per line: the {@code run} line that says which run this is, a {@code host}
 * object for each host as it finishes, then one {@code summary} object. The field names are a stable format,
 * documented in the README.
 */
public final class JsonLines implements RunListener {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out;
    private final RunIdentity run;
    private final java.util.function.Function<dev.jinfra.inventory.Host, java.util.List<String>> via;

    /** @param run the run the lines are of, written first and repeated in the summary */
    public JsonLines(PrintStream out, RunIdentity run) {
        this(out, run, h -> java.util.List.of());
    }

    /** @param via the jump hosts each host is reached through (a host line's {@code via}, when there are any) */
    public JsonLines(
            PrintStream out,
            RunIdentity run,
            java.util.function.Function<dev.jinfra.inventory.Host, java.util.List<String>> via) {
        this.out = out;
        this.run = run;
        this.via = via;
    }

    @Override
    public void runStarted(java.util.List<dev.jinfra.inventory.Host> hosts) {
        emit(run.toJson());
    }

    @Override
    public void hostFinished(HostResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "host");
        o.put("host", r.host().name());
        o.put("state", r.state().name().toLowerCase(java.util.Locale.ROOT));
        if (r.exitCode() >= 0) {
            o.put("exit_code", r.exitCode());
        } else {
            o.putNull("exit_code");
        }
        o.put("stdout", r.stdout());
        o.put("stderr", r.stderr());
        if (r.error() != null) {
            o.put("error", r.error());
        } else {
            o.putNull("error");
        }
        o.put("duration_ms", r.duration().toMillis());
        java.util.List<String> hops = via.apply(r.host());
        if (!hops.isEmpty()) {
            hops.forEach(o.putArray("via")::add);
        }
        emit(o);
    }

    @Override
    public void runFinished(RunSummary s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "summary");
        o.put("hosts", s.results().size());
        for (HostState state : HostState.values()) {
            o.put(state.name().toLowerCase(java.util.Locale.ROOT), s.count(state));
        }
        o.put("interrupted", s.interrupted());
        o.put("exit_code", ExitCode.of(s));
        o.put("elapsed_ms", s.elapsed().toMillis());
        run.addTo(o);
        emit(o);
    }

    private void emit(ObjectNode o) {
        String line = o.toString();
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
