package dev.jinfra.ops.server;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import dev.jinfra.ops.files.FindInFile;
import dev.jinfra.ops.files.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code server.locale}: a locale is enabled in /etc/locale.gen and generated, or disabled there and no longer
 * generated. The line is edited as {@code files.line} edits lines (a commented one uncommented, else one
 * appended); {@code locale-gen} runs only when the locale's presence in {@code locale -a} is not yet as wanted
 * (Debian's locale-gen builds the archive anew from the enabled lines, which also drops a disabled one). A host
 * without /etc/locale.gen (Fedora, RHEL) gets the locale compiled or deleted with {@code localedef}.
 */
@Doc(
        name = "server.locale",
        value =
                "A locale is enabled in /etc/locale.gen and generated (locale-gen), or disabled and no longer generated; hosts without /etc/locale.gen use localedef.",
        example = "server.locale(\"en_US.UTF-8\").sudo();")
public record ServerLocale(
        @Arg(value = "the locale, e.g. en_US.UTF-8 or de_DE@euro", required = true)
        String locale,

        @Arg(value = "whether the locale should be generated", defaultValue = "true")
        boolean present,

        @Arg("its character set, e.g. ISO-8859-15; by default the one in the locale's name (UTF-8 of en_US.UTF-8);"
                + " needed only for a locale that /etc/locale.gen does not list and whose name has none")
        String charset)
        implements Operation {
    static final String LOCALE_GEN = "/etc/locale.gen";
    // Names as glibc's locale files are named; no leading '-', so never an option of localedef.
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_-]+)?(@[A-Za-z0-9_]+)?");
    private static final Pattern CHARSET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    public ServerLocale {
        if (locale == null || !LOCALE.matcher(locale).matches()) {
            throw new IllegalArgumentException("server.locale: '" + locale + "' is not a locale name like en_US.UTF-8");
        }
        if (charset != null && !CHARSET.matcher(charset).matches()) {
            throw new IllegalArgumentException("server.locale: '" + charset + "' is not a character set like UTF-8");
        }
    }

    @Override
    public String describe() {
        return (present ? "Locale: " : "No locale: ") + locale;
    }

    @Override
    public Plan plan(FactSource facts) {
        java.util.Set<String> generated = facts.get(new Locales());
        List<String> lines = facts.get(new FindInFile(LOCALE_GEN, linePattern()));
        if (generated == null) {
            throw new IllegalStateException("server.locale: cannot list the host's locales (locale -a)");
        }
        boolean isGenerated = generated.contains(Locales.normal(locale));
        if (lines == null) {
            return withLocaledef(isGenerated);
        }
        List<String> enabled =
                lines.stream().filter(l -> !l.strip().startsWith("#")).toList();
        List<Plan> edits = new ArrayList<>();
        if (present && enabled.isEmpty()) {
            String commented = lines.isEmpty() ? null : lines.getFirst();
            edits.add(
                    commented != null
                            // The line the host's package wrote, with its own character set, loses its '#'.
                            ? new Line(
                                            LOCALE_GEN,
                                            commented.replaceFirst("^\\s*#\\s*", ""),
                                            true,
                                            exactly(commented),
                                            false)
                                    .plan(facts)
                            : new Line(LOCALE_GEN, locale + " " + charsetToWrite(), true, null, false).plan(facts));
        } else if (!present) {
            // One edit per enabled line, duplicates included: each puts a '#' before the first one still enabled.
            for (String line : enabled) {
                edits.add(new Line(LOCALE_GEN, "# " + line.strip(), true, exactly(line), false).plan(facts));
            }
        }
        List<Command> commands = new ArrayList<>();
        edits.stream().filter(Plan::changes).forEach(p -> commands.addAll(p.commands()));
        if (isGenerated != present) {
            commands.add(Command.of("locale-gen"));
        }
        if (commands.isEmpty()) {
            return Plan.noChange(
                    present
                            ? locale + " is enabled in " + LOCALE_GEN + " and generated"
                            : locale + " is neither enabled nor generated");
        }
        return Plan.run(commands);
    }

    /** Where there is no /etc/locale.gen: localedef compiles the locale into the archive, or deletes it from there. */
    private Plan withLocaledef(boolean isGenerated) {
        if (isGenerated == present) {
            return Plan.noChange(locale + (present ? " is generated" : " is not generated"));
        }
        if (!present) {
            return Plan.run(Command.of("localedef", "--delete-from-archive", locale));
        }
        // de_DE.UTF-8@euro is compiled from the source de_DE@euro with the character set UTF-8.
        String source = locale.replaceFirst("\\.[^@]*", "");
        return Plan.run(Command.of("localedef", "-i", source, "-f", charsetToWrite(), locale));
    }

    /** The character set given, else the one in the locale's name. */
    private String charsetToWrite() {
        if (charset != null) {
            return charset;
        }
        int dot = locale.indexOf('.');
        if (dot < 0) {
            throw new IllegalStateException("server.locale: " + locale + " is not listed in " + LOCALE_GEN
                    + " and its name has no character set; give charset");
        }
        int at = locale.indexOf('@');
        return locale.substring(dot + 1, at < 0 ? locale.length() : at);
    }

    /** The lines for the locale, enabled or commented out: optional '#', the name, then a blank or the end. */
    private String linePattern() {
        return "^[[:blank:]]*#?[[:blank:]]*" + FindInFile.literal(locale) + "([[:blank:]]|$)";
    }

    private static String exactly(String line) {
        return "^" + FindInFile.literal(line) + "$";
    }
}
