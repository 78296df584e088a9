package dev.jinfra.ops.selinux;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SELinux file context mappings for all files, from {@code semanage fcontext -l}: each path expression with its type
 * ({@code /srv/www(/.*)?} to {@code httpd_sys_content_t}); with {@code local}, only the host's own additions
 * ({@code -C}), which alone can be deleted. Null where semanage cannot be run.
 */
@Doc(value = "SELinux file context mappings (path expression to type) for all files, from semanage fcontext -l.")
public record SeFileContexts(
        @Arg("only the host's own additions (semanage fcontext -l -C)")
        boolean local) implements Fact<Map<String, String>> {
    // "EXPRESSION   all files   system_u:object_r:TYPE:s0": columns are padded with blanks; the expression has none.
    private static final Pattern LINE = Pattern.compile("(\\S+)\\s+all files\\s+(\\S+)\\s*");

    @Override
    public Command command() {
        return local
                ? Command.of("semanage", "fcontext", "-n", "-l", "-C")
                : Command.of("semanage", "fcontext", "-n", "-l");
    }

    @Override
    public Map<String, String> parse(String stdout) {
        Map<String, String> mappings = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            Matcher m = LINE.matcher(line.strip());
            if (m.matches()) {
                mappings.putIfAbsent(m.group(1), SeNames.typeOf(m.group(2)));
            }
        }
        return mappings;
    }

    @Override
    public Map<String, String> absent() {
        return null;
    }
}
