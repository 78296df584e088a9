package dev.jinfra.ops.selinux;

import java.util.regex.Pattern;

/** Checks of SELinux names shared by the selinux operations, so that a bad one fails when the deploy is prepared. */
final class SeNames {
    private SeNames() {}

    // Booleans and types are identifiers of the policy language: letters, digits and _, never a leading '-'.
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    static String identifier(String op, String what, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(op + ": '" + name + "' is not a valid SELinux " + what + " name");
        }
        return name;
    }

    /** The SELinux type of a context such as system_u:object_r:httpd_sys_content_t:s0, or the text as it is. */
    static String typeOf(String context) {
        String[] parts = context.split(":");
        return parts.length >= 3 ? parts[2] : context;
    }
}
