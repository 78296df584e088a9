package dev.jinfra.ops.packages;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The signing keys rpm has imported, by short key id (the last 8 hex digits of the fingerprint, lowercase): rpm
 * keeps each as a {@code gpg-pubkey} package whose version is that id. Empty where none are, or there is no rpm.
 */
@Doc(value = "The ids (8 hex digits) of the signing keys imported into rpm (gpg-pubkey packages).")
public record RpmKeys() implements Fact<Set<String>> {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}");

    @Override
    public Command command() {
        // Exits 1, printing "package gpg-pubkey is not installed", when there are none: absent, so empty.
        return Command.of("rpm", "-q", "gpg-pubkey", "--qf", "%{VERSION}\\n");
    }

    @Override
    public Set<String> parse(String stdout) {
        Set<String> ids = new TreeSet<>();
        for (String line : stdout.split("\n")) {
            String id = line.strip().toLowerCase(Locale.ROOT);
            if (ID.matcher(id).matches()) {
                ids.add(id);
            }
        }
        return ids;
    }

    @Override
    public Set<String> absent() {
        return Set.of();
    }
}
