package dev.jinfra.engine.deploy;

import dev.jinfra.api.Fact;
import dev.jinfra.api.StatFact;
import dev.jinfra.command.ShellQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code stat} for several {@link StatFact}s of the same format, inside the fact probe. stat prints nothing
 * for a path that is not there, so the script first tests each path with the shell's own {@code test} (no
 * process), prints a 1 or 0 per path and passes only the present ones to stat: line k of stat's output then
 * belongs to the k-th present path. When the counts do not agree (a path vanished in between), the batch reads
 * as nothing and its facts are read one by one.
 */
final class StatBatch {
    private final String format;
    private final List<Fact<?>> facts = new ArrayList<>();

    StatBatch(String format) {
        this.format = format;
    }

    void add(Fact<?> fact) {
        facts.add(fact);
    }

    List<Fact<?>> facts() {
        return facts;
    }

    /** Shell text that prints the presence bits, a newline, then stat's lines; uses the positional parameters. */
    String script() {
        StringBuilder s = new StringBuilder("set --; ");
        for (Fact<?> f : facts) {
            String path = ShellQuote.quote(((StatFact) f).statPath());
            // -L too: stat without -L reports a dangling link, which -e (following it) would miss.
            s.append("if [ -e ")
                    .append(path)
                    .append(" ] || [ -L ")
                    .append(path)
                    .append(" ]; then set -- \"$@\" ")
                    .append(path)
                    .append("; printf 1; else printf 0; fi; ");
        }
        s.append("echo; if [ $# -gt 0 ]; then stat -c ")
                .append(ShellQuote.quote(format))
                .append(" -- \"$@\"; fi");
        return s.toString();
    }

    /** The values from the script's output into {@code known}; false when the output cannot be matched up. */
    boolean parse(String out, Map<Fact<?>, Object> known, java.util.function.BiConsumer<Fact<?>, Object> onRead) {
        int newline = out.indexOf('\n');
        if (newline != facts.size()) {
            return false;
        }
        String bits = out.substring(0, newline);
        List<String> lines = out.substring(newline + 1).lines().toList();
        long present = bits.chars().filter(c -> c == '1').count();
        if (lines.size() != present) {
            return false;
        }
        int line = 0;
        for (int i = 0; i < facts.size(); i++) {
            Fact<?> fact = facts.get(i);
            Object value = bits.charAt(i) == '1' ? fact.parse(lines.get(line++) + "\n") : fact.absent();
            known.put(fact, value);
            onRead.accept(fact, value);
        }
        return true;
    }
}
