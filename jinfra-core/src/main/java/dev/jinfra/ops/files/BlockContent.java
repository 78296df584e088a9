package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FileEdit;
import dev.jinfra.api.FollowsEdits;
import dev.jinfra.command.Command;
import dev.jinfra.command.Output;
import java.util.Arrays;
import java.util.List;

/**
 * The first block of a file between two marker lines: whether there is one and the lines inside it.
 * {@code null} when the file cannot be read.
 */
@Doc(value = "The content between two marker lines of a file.")
public record BlockContent(
        @Arg(value = "file to read", required = true) String path,

        @Arg(value = "the line that opens the block", required = true)
        String begin,

        @Arg(value = "the line that closes the block", required = true)
        String end)
        implements FollowsEdits<BlockContent.Value> {
    @Override
    public boolean valueIsContent() {
        return true;
    }

    public enum State {
        NONE,
        BLOCK,
        UNTERMINATED
    }

    /** @param lines the lines between the markers; empty unless the state is BLOCK */
    public record Value(State state, List<String> lines) {
        public Value {
            lines = List.copyOf(lines);
        }
    }

    // The markers reach awk as its first two operands, taken out of ARGV before any input is read: awk -v would
    // interpret backslashes in them, and an operand that looks like name=value is only taken for an assignment
    // when awk reaches it, which it never does once blanked. The first output line is the state, the rest the
    // block's lines. (No env program in front of awk: one process less per block in the fact probe.)
    private static final String AWK = """
            BEGIN { b = ARGV[1]; e = ARGV[2]; ARGV[1] = ""; ARGV[2] = "" }
            !state && $0 == b { state = 1; next }
            state == 1 && $0 == e { state = 2; next }
            state == 1 { body = body $0 "\\n" }
            END { if (state == 2) printf "BLOCK\\n%s", body; else if (state == 1) print "UNTERMINATED"; else print "NONE" }""";

    /**
     * A new empty file has no block. Lines appended after a complete block leave it as it is; appended to a file
     * without one, they are read as the fact's own program reads a file, from the state the file ended in.
     */
    @Override
    public Value after(Value before, FileEdit edit) {
        return switch (edit) {
            case FileEdit.Created c -> new Value(State.NONE, List.of());
            case FileEdit.Appended a -> {
                if (before == null || before.state() == State.UNTERMINATED) {
                    yield null; // the lines inside an unterminated block are not known
                }
                if (before.state() == State.BLOCK) {
                    yield before;
                }
                State state = State.NONE;
                List<String> body = new java.util.ArrayList<>();
                for (String line : a.lines()) {
                    if (state == State.NONE && line.equals(begin)) {
                        state = State.UNTERMINATED;
                    } else if (state == State.UNTERMINATED && line.equals(end)) {
                        yield new Value(State.BLOCK, body);
                    } else if (state == State.UNTERMINATED) {
                        body.add(line);
                    }
                }
                yield state == State.NONE ? before : new Value(State.UNTERMINATED, List.of());
            }
        };
    }

    @Override
    public Command command() {
        return Command.of("awk", "--", AWK, begin, end, operand(path));
    }

    /**
     * awk takes a {@code name=value} operand for a variable assignment and {@code -} for standard input, so a
     * relative path is given as {@code ./path}.
     */
    private static String operand(String path) {
        return path.startsWith("/") ? path : "./" + path;
    }

    @Override
    public Value parse(String stdout) {
        int newline = stdout.indexOf('\n');
        String head = (newline < 0 ? stdout : stdout.substring(0, newline)).strip();
        State state;
        try {
            state = State.valueOf(head);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unexpected block output for " + path + ": '" + head + "'");
        }
        String body = newline < 0 ? "" : stdout.substring(newline + 1);
        if (body.isEmpty()) {
            return new Value(state, List.of());
        }
        body = Output.withoutFinalNewline(body);
        return new Value(state, Arrays.asList(body.split("\n", -1)));
    }

    @Override
    public Value absent() {
        return null;
    }

    @Override
    public String confinedTo() {
        return path;
    }

    @Override
    public String absentWithout() {
        return path;
    }
}
