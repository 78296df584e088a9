package dev.jinfra.ops.service;

import java.util.regex.Pattern;

/** Checks of unit and service names, so that a bad name fails when the deploy is prepared, not on the host. */
final class ServiceNames {
    private ServiceNames() {}

    // systemd's unit name characters (plus the type suffix); no leading '-', so a name is never read as an option
    // by the programs that take no "--" (service, update-rc.d).
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_@:.\\\\][A-Za-z0-9_@:.\\\\+-]{0,254}");

    static String check(String where, String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(where + ": '" + name + "' is not a valid " + what + " name");
        }
        return name;
    }
}
