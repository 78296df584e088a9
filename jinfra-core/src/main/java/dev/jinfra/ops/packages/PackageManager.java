package dev.jinfra.ops.packages;

import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.Map;

/** Which package manager the host has: apt, dnf, yum, apk, pacman or zypper; null when none of them. */
@Doc(value = "The host's package manager: apt, dnf, yum, apk, pacman or zypper; null when it has none of them.")
public record PackageManager() implements Fact<String> {
    // Program to the operation family it means. dnf comes before yum: newer Fedora and RHEL keep yum as a
    // link to dnf. pacman and zypper come last, so that a host whose own manager is one of the others is never
    // taken for Arch or SUSE because it carries pacman or zypper as a tool.
    private static final Map<String, String> FAMILY =
            Map.of("apt-get", "apt", "dnf", "dnf", "yum", "yum", "apk", "apk", "pacman", "pacman", "zypper", "zypper");

    @Override
    public Command command() {
        // Fixed text, no input: the first of the programs that is on the PATH.
        return Command.of(
                "sh",
                "-c",
                "for p in apt-get dnf yum apk pacman zypper; do if command -v \"$p\" >/dev/null; then echo \"$p\"; exit 0; fi; done; exit 1");
    }

    @Override
    public String parse(String stdout) {
        return FAMILY.get(stdout.strip());
    }

    @Override
    public String absent() {
        return null;
    }
}
