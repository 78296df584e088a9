package dev.jinfra.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jinfra.cli.output.RunIdentity;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code fact --json}: the {@code run} line, one {@code fact} object per host as it finishes, then one
 * {@code summary} object, each on its own line, in the manner of exec's JSON lines.
 */
final class FactJsonLines implements Consumer<FactReading> {
    private final PrintStream out;
    private final String fact;
    private final Map<String, String> arguments;
    private final RunIdentity run;

    FactJsonLines(PrintStream out, String fact, Map<String, String> arguments, RunIdentity run) {
        this.out = out;
        this.fact = fact;
        this.arguments = arguments;
        this.run = run;
    }

    /** The {@code run} line, before any host's. */
    void started() {
        emit(run.toJson());
    }

    @Override
    public void accept(FactReading r) {
        ObjectNode o = FactJson.JSON.createObjectNode();
        o.put("type", "fact");
        o.put("host", r.host());
        o.put("fact", fact);
        o.set("arguments", FactJson.toTree(arguments));
        o.put("state", r.state().key());
        // A host without a reading has no value at all, which is not the same as an absent thing (null).
        if (r.state() == FactReading.State.READ) {
            o.set("value", r.value());
            o.putNull("error");
        } else {
            o.putNull("value");
            o.put("error", r.error());
        }
        emit(o);
    }

    void summary(FactRun run) {
        ObjectNode o = FactJson.JSON.createObjectNode();
        o.put("type", "summary");
        o.put("fact", fact);
        o.put("hosts", run.readings().size());
        for (FactReading.State s : FactReading.State.values()) {
            o.put(s.key(), run.count(s));
        }
        o.put("interrupted", run.interrupted());
        o.put("exit_code", run.exitCode());
        o.put("elapsed_ms", run.elapsed().toMillis());
        this.run.addTo(o);
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
