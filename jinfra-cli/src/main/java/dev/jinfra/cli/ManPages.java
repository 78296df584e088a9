package dev.jinfra.cli;

import dev.jinfra.catalog.OperationHelp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * jinfra's man pages, in roff, from the {@link CommandModel}: {@code jinfra(1)} for the whole command line and one
 * page per command ({@code jinfra-exec(1)}, ...; the operations share {@code jinfra-operation(1)}, which lists them).
 * Options and their descriptions come from the same annotations as {@code --help}, so the pages cannot drift from
 * it. The archive's build writes them with {@code jinfra __man DIR}.
 */
final class ManPages {
    private ManPages() {}

    /** Writes every page into {@code dir} as {@code NAME.1}. */
    static void write(Path dir) {
        try {
            Files.createDirectories(dir);
            for (var page : pages().entrySet()) {
                Files.writeString(dir.resolve(page.getKey() + ".1"), page.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the man pages to " + dir, e);
        }
    }

    /** Each page's name ({@code jinfra}, {@code jinfra-exec}, ...) and its roff text, the overview first. */
    static Map<String, String> pages() {
        CommandLine model = CommandModel.build();
        Map<String, CommandSpec> commands = new LinkedHashMap<>();
        commands.put("exec", model.getSubcommands().get("exec").getCommandSpec());
        commands.put("deploy", model.getCommandSpec());
        commands.put(
                "operation", model.getSubcommands().get(CommandModel.OPERATION).getCommandSpec());
        commands.put("fact", model.getSubcommands().get("fact").getCommandSpec());
        for (String alone : List.of("demo", "init", "report", "completion")) {
            commands.put(alone, model.getSubcommands().get(alone).getCommandSpec());
        }
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("jinfra", overview(commands));
        commands.forEach((name, spec) -> pages.put("jinfra-" + name, page(name, spec)));
        return pages;
    }

    private static String overview(Map<String, CommandSpec> commands) {
        StringBuilder out = header("jinfra", "infrastructure as Java code, and parallel SSH for whole fleets");
        out.append(".SH SYNOPSIS\n.nf\n");
        Main.usage()
                .lines()
                .dropWhile(l -> !l.equals("Usage:"))
                .skip(1)
                .takeWhile(l -> !l.isBlank())
                .forEach(l -> out.append(text(l.strip())).append('\n'));
        out.append(".fi\n.SH DESCRIPTION\n")
                .append(text("jinfra runs work across many servers over SSH at once and gives one clear answer for"
                        + " the whole fleet: every host's result collected on its own, identical results folded"
                        + " together, problems listed last, and the hosts that did not succeed written to"
                        + " .jinfra/failed-hosts for a targeted retry (--retry failed). It runs ad-hoc commands"
                        + " (exec), single operations and idempotent deploys written in plain Java, on the same"
                        + " engine."))
                .append("\n.PP\n")
                .append(text(
                        "INVENTORY is a file (jinfra YAML, Ansible INI or YAML), an Ansible inventory directory or targets on the"
                                + " command line:"
                                + " web-01,web-02, root@db:2222, web-[01-50].example.com, @local for this machine"
                                + " without SSH, @docker/NAME or @podman/NAME for a running container, or @chroot/PATH for"
                                + " a directory to chroot into (as root)."))
                .append("\n.SH COMMANDS\n");
        commands.forEach((name, spec) -> out.append(".TP\n")
                .append(bold(name.equals("deploy") ? "DEPLOY.java" : name.equals("operation") ? "OPERATION" : name))
                .append('\n')
                .append(text(String.join(" ", spec.usageMessage().description())))
                .append(" See ")
                .append(bold(text("jinfra-" + name)))
                .append("(1).\n"));
        out.append(".TP\n")
                .append(bold("help"))
                .append(" [")
                .append(italic("NAME"))
                .append("]\n")
                .append(text("The usage; with a name, that command's or operation's help; jinfra help operations"
                        + " and jinfra help facts list them all."))
                .append('\n');
        out.append(".SH EXIT STATUS\n");
        exit(out, ExitCode.OK, "Every targeted host succeeded.");
        exit(out, ExitCode.HOSTS_FAILED, "At least one host failed or timed out (or the run was not confirmed).");
        exit(out, ExitCode.USAGE, "Usage error: bad command line, inventory, host data or deploy file; nothing ran.");
        exit(out, ExitCode.HOSTS_UNREACHABLE, "Some hosts were unreachable; every host that was reached succeeded.");
        exit(out, ExitCode.PREFLIGHT_FAILED, "A deploy's pre-flight check found problems; no host was changed.");
        exit(out, ExitCode.INTERNAL, "Internal error (a bug: run with --debug and report it).");
        exit(out, ExitCode.INTERRUPTED, "Interrupted with Ctrl-C.");
        out.append(".PP\n")
                .append(text("When several apply, the first of interrupted, failed, unreachable wins."))
                .append('\n');
        out.append(".SH ENVIRONMENT\n");
        env(out, "NO_COLOR", "Set to anything: no colours.");
        env(out, "JINFRA_VAULT_PASSWORD", "The password of values encrypted with ansible-vault in an inventory.");
        env(out, "JINFRA_JAVA_OPTS", "More options for the Java virtual machine, read by the jinfra launcher.");
        env(out, "JINFRA_NO_AOT", "Set to anything: the launcher starts Java without its ahead-of-time cache.");
        out.append(".SH FILES\n.TP\n")
                .append(bold(text(".jinfra/failed-hosts")))
                .append('\n')
                .append(text("The hosts of the last run that did not succeed, under their state; --retry failed"
                        + " targets them."))
                .append("\n.TP\n")
                .append(bold(text(".jinfra/cache/deploys/")))
                .append('\n')
                .append(text("Compiled deploy files, by content."))
                .append('\n');
        seeAlso(out, commands.keySet().stream().map(n -> "jinfra-" + n).toList());
        return out.toString();
    }

    private static String page(String name, CommandSpec spec) {
        List<String> description = List.of(spec.usageMessage().description());
        StringBuilder out = header("jinfra-" + name, summary(description.isEmpty() ? "" : description.get(0)));
        out.append(".SH SYNOPSIS\n.nf\n");
        for (String line : spec.usageMessage().customSynopsis()) {
            out.append(text(line)).append('\n');
        }
        out.append(".fi\n.SH DESCRIPTION\n");
        for (int i = 0; i < description.size(); i++) {
            out.append(i == 0 ? "" : ".PP\n").append(text(description.get(i))).append('\n');
        }
        List<PositionalParamSpec> positionals =
                spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!positionals.isEmpty()) {
            out.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : positionals) {
                out.append(".TP\n")
                        .append(italic(text(p.paramLabel())))
                        .append('\n')
                        .append(description(p))
                        .append('\n');
            }
        }
        out.append(".SH OPTIONS\n");
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            out.append(".TP\n").append(optionNames(option)).append('\n');
            out.append(description(option)).append('\n');
        }
        if (name.equals("operation") || name.equals("fact")) {
            boolean facts = name.equals("fact");
            out.append(".SH ").append(facts ? "FACTS" : "OPERATIONS").append('\n');
            OperationHelp.summaries(facts)
                    .forEach((n, s) -> out.append(".TP\n")
                            .append(bold(text(n)))
                            .append('\n')
                            .append(text(s))
                            .append('\n'));
            out.append(".PP\n")
                    .append(text("jinfra help NAME shows one's arguments; docs/reference.md has them all."))
                    .append('\n');
        }
        out.append(".SH EXIT STATUS\n")
                .append(text("0 when every targeted host succeeded; see jinfra(1) for the others."))
                .append('\n');
        seeAlso(out, List.of("jinfra"));
        return out.toString();
    }

    private static StringBuilder header(String name, String summary) {
        return new StringBuilder()
                .append(".\\\" Made by jinfra's build from its command line (jinfra __man DIR); not edited by hand.\n")
                .append(".TH ")
                .append(text(name.toUpperCase(Locale.ROOT)))
                .append(" 1 \"\" \"")
                .append(Main.VERSION)
                .append("\" \"jinfra manual\"\n.SH NAME\n")
                .append(text(name))
                .append(" \\- ")
                .append(text(summary))
                .append('\n');
    }

    /** The first sentence of a description, for the NAME line, starting in lower case unless it is a word in caps. */
    private static String summary(String description) {
        int end = description.indexOf(". ");
        String first = end < 0 ? description.replaceAll("\\.$", "") : description.substring(0, end);
        if (first.length() > 1 && Character.isLowerCase(first.charAt(1))) {
            first = Character.toLowerCase(first.charAt(0)) + first.substring(1);
        }
        return first;
    }

    private static String optionNames(OptionSpec option) {
        StringBuilder out = new StringBuilder();
        String[] names = option.names();
        for (int i = 0; i < names.length; i++) {
            String n = names[i];
            if (option.negatable() && n.startsWith("--")) {
                n = "--[no-]" + n.substring(2);
            }
            out.append(i == 0 ? "" : ", ").append(bold(text(n)));
        }
        if (option.arity().max() > 0) {
            out.append("=").append(italic(text(option.paramLabel())));
        }
        return out.toString();
    }

    private static String description(ArgSpec arg) {
        return text(String.join(" ", arg.description()));
    }

    private static void exit(StringBuilder out, int code, String meaning) {
        out.append(".TP\n")
                .append(bold(Integer.toString(code)))
                .append('\n')
                .append(text(meaning))
                .append('\n');
    }

    private static void env(StringBuilder out, String name, String meaning) {
        out.append(".TP\n")
                .append(bold(text(name)))
                .append('\n')
                .append(text(meaning))
                .append('\n');
    }

    private static void seeAlso(StringBuilder out, List<String> pages) {
        out.append(".SH SEE ALSO\n");
        out.append(String.join(
                        ", ", pages.stream().map(p -> bold(text(p)) + "(1)").toList()))
                .append('\n');
    }

    private static String bold(String roff) {
        return "\\fB" + roff + "\\fR";
    }

    private static String italic(String roff) {
        return "\\fI" + roff + "\\fR";
    }

    /**
     * Plain text as roff: backslashes written as {@code \e}, hyphens as {@code \-} (a minus sign, so options read
     * and copy as typed), and a line that would start with a control character ({@code .} or {@code '}) guarded
     * with {@code \&}.
     */
    static String text(String plain) {
        String roff = plain.replace("\\", "\\e").replace("-", "\\-");
        StringBuilder out = new StringBuilder();
        for (String line : roff.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            if (line.startsWith(".") || line.startsWith("'")) {
                out.append("\\&");
            }
            out.append(line);
        }
        return out.toString();
    }
}
