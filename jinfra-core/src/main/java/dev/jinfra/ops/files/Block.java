package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.ChangeScope;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.FileEdit;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Output;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code files.block}: lines kept between two marker lines in a file (appended with the markers when there is
 * no block yet), or the block and its markers removed. Only the first block is managed.
 */
@Doc(
        name = "files.block",
        value = "A block of lines between BEGIN/END marker comments has the given content, or is absent.",
        example = "files.block(\"/etc/hosts\", \"10.0.0.5 db\");")
public record Block(
        @Arg(value = "the file's path", required = true) String path,
        @Arg("the block's lines, separated by newlines") String content,

        @Arg(value = "marker line; {mark} becomes BEGIN or END", defaultValue = DEFAULT_MARKER)
        String marker,

        @Arg(value = "whether the block should be in the file", defaultValue = "true")
        boolean present)
        implements Operation {

    public static final String DEFAULT_MARKER = "# {mark} JINFRA MANAGED BLOCK";

    // Keep the markers, put the new body between them, drop the old body.
    private static final String REPLACE_BODY = """
            !done && $0 == ENVIRON["JINFRA_BEGIN"] { print; printf "%s", ENVIRON["JINFRA_BODY"]; inside = 1; next }
            inside && $0 == ENVIRON["JINFRA_END"] { inside = 0; done = 1; print; next }
            inside { next }
            { print }""";
    // Drop the first block, markers included.
    private static final String REMOVE_BLOCK = """
            !done && $0 == ENVIRON["JINFRA_BEGIN"] { inside = 1; next }
            inside && $0 == ENVIRON["JINFRA_END"] { inside = 0; done = 1; next }
            inside { next }
            { print }""";

    public Block {
        Edits.checkPath("files.block", path);
        marker = marker == null ? DEFAULT_MARKER : marker;
        if (!marker.contains("{mark}")) {
            throw new IllegalArgumentException("files.block marker must contain {mark}, not '" + marker + "'");
        }
        Edits.checkOneLine("files.block", "marker", marker);
        if (present && content == null) {
            throw new IllegalArgumentException("files.block needs content for " + path);
        }
        // A marker line inside the content would end the block early on the next read.
        String begin = marker.replace("{mark}", "BEGIN");
        String end = marker.replace("{mark}", "END");
        if (content != null && Arrays.stream(content.split("\n")).anyMatch(l -> l.equals(begin) || l.equals(end))) {
            throw new IllegalArgumentException("files.block content must not contain its own marker lines");
        }
    }

    @Override
    public String describe() {
        return (present ? "Block in " : "No block in ") + path;
    }

    @Override
    public Plan plan(FactSource facts) {
        String begin = marker.replace("{mark}", "BEGIN");
        String end = marker.replace("{mark}", "END");
        BlockContent.Value now = facts.get(new BlockContent(path, begin, end));
        if (now == null) {
            throw new IllegalStateException(path + " does not exist or cannot be read");
        }
        if (now.state() == BlockContent.State.UNTERMINATED) {
            throw new IllegalStateException(path + " has the line '" + begin + "' but no '" + end + "' after it");
        }
        boolean hasBlock = now.state() == BlockContent.State.BLOCK;
        if (!present) {
            return hasBlock
                    ? Plan.run(Edits.rewrite(path, REMOVE_BLOCK, "JINFRA_BEGIN", begin, "JINFRA_END", end))
                    : Plan.noChange("no block in " + path);
        }
        List<String> lines = lines();
        if (!hasBlock) {
            List<String> all = new ArrayList<>();
            all.add(begin);
            all.addAll(lines);
            all.add(end);
            return Plan.run(Edits.append(path, all)).withEdits(new FileEdit.Appended(path, all));
        }
        if (now.lines().equals(lines)) {
            return Plan.noChange("block in " + path + " is as wanted");
        }
        String body = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        return Plan.run(
                Edits.rewrite(path, REPLACE_BODY, "JINFRA_BEGIN", begin, "JINFRA_END", end, "JINFRA_BODY", body));
    }

    // One final newline is the end of the last line, not an empty line after it.
    private List<String> lines() {
        if (content.isEmpty()) {
            return List.of();
        }
        String text = Output.withoutFinalNewline(content);
        return Arrays.asList(text.split("\n", -1));
    }

    @Override
    public ChangeScope changes() {
        return ChangeScope.entries(path);
    }
}
