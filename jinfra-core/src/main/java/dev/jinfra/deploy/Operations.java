package dev.jinfra.deploy;

/**
 * The operation families a deploy file uses by name ({@code apt.packages(...)}, {@code server.shell(...)}):
 * deploy files import these statically, so a compact source file needs no imports of its own.
 */
public final class Operations {
    private Operations() {}
}
