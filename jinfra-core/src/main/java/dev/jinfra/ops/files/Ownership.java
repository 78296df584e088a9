package dev.jinfra.ops.files;

import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The chmod, chown and chgrp commands that bring a path's mode, owner and group to what is wanted. */
public final class Ownership {
    private Ownership() {}

    private static final Pattern OCTAL = Pattern.compile("[0-7]{3,4}");

    public static void checkMode(String operation, String mode) {
        if (mode != null && !OCTAL.matcher(mode).matches()) {
            throw new IllegalArgumentException(operation + " mode must be octal like 644, not '" + mode + "'");
        }
    }

    /**
     * @param haveMode the current mode, owner and group; all null when the path is about to be created
     * @param mode     the wanted ones; null leaves each as it is
     */
    public static List<Command> fix(String path, String haveMode, String haveOwner, String haveGroup,
                             String mode, String owner, String group) {
        List<Command> commands = new ArrayList<>();
        if (mode != null && (haveMode == null || !normalise(haveMode).equals(normalise(mode)))) {
            commands.add(Command.of("chmod", mode, "--", path));
        }
        boolean ownerWrong = owner != null && !owner.equals(haveOwner);
        boolean groupWrong = group != null && !group.equals(haveGroup);
        if (ownerWrong) {
            commands.add(Command.of("chown", group == null ? owner : owner + ":" + group, "--", path));
        } else if (groupWrong) {
            commands.add(Command.of("chgrp", group, "--", path));
        }
        return commands;
    }

    // stat prints 644 for a mode given as 0644.
    private static String normalise(String octal) {
        return octal.length() == 4 && octal.startsWith("0") ? octal.substring(1) : octal;
    }
}
