package dev.jinfra.ops.server;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The locales the host can use, as {@code locale -a} lists them, in glibc's normal form (the character set in lower
 * case without punctuation: {@code en_US.utf8}), so that {@code en_US.UTF-8} as people write it can be looked up
 * with {@link #normal}. Null when {@code locale} cannot be run.
 */
@Doc(value = "The locales the host has generated (locale -a), e.g. en_US.utf8.")
public record Locales() implements Fact<Set<String>> {
    @Override
    public Command command() {
        return Command.of("locale", "-a");
    }

    @Override
    public Set<String> parse(String stdout) {
        Set<String> locales = new TreeSet<>();
        for (String line : stdout.split("\n")) {
            if (!line.isBlank()) {
                locales.add(normal(line.strip()));
            }
        }
        return Set.copyOf(locales);
    }

    @Override
    public Set<String> absent() {
        return null;
    }

    /**
     * A locale's name as glibc files it: the character set lower-cased with everything but letters and digits
     * dropped, and "iso" before one of digits alone ({@code _nl_normalize_codeset}); language and modifier as
     * written.
     */
    public static String normal(String locale) {
        int at = locale.indexOf('@');
        String modifier = at < 0 ? "" : locale.substring(at);
        String name = at < 0 ? locale : locale.substring(0, at);
        int dot = name.indexOf('.');
        if (dot < 0) {
            return name + modifier;
        }
        StringBuilder codeset = new StringBuilder();
        boolean digitsOnly = true;
        for (char c : name.substring(dot + 1).toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 0x80) {
                codeset.append(Character.toLowerCase(c));
                digitsOnly &= Character.isDigit(c);
            }
        }
        String set = digitsOnly && !codeset.isEmpty() ? "iso" + codeset : codeset.toString();
        return name.substring(0, dot) + "." + set.toLowerCase(Locale.ROOT) + modifier;
    }
}
