package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.List;

/** The symbolic links under a directory, from {@code find PATH -type l}, sorted; empty when the path does not exist. */
@Doc(
        value = "The symbolic links under a directory (find -type l), sorted; maxDepth and a name glob narrow it. "
                + "Empty when the path is missing.")
public record FindLinks(
        @Arg(value = "absolute directory to search", required = true)
        String path,

        @Arg("how many levels down to look (0 is the path itself); not given: all")
        Integer maxDepth,

        @Arg("only names matching this glob, e.g. *.conf") String name)
        implements Fact<List<String>> {
    public FindLinks {
        Finds.check("FindLinks", path, maxDepth);
    }

    @Override
    public Command command() {
        return Finds.command(path, maxDepth, name, "l");
    }

    @Override
    public List<String> parse(String stdout) {
        return Finds.parse(stdout);
    }

    @Override
    public List<String> absent() {
        return List.of();
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
