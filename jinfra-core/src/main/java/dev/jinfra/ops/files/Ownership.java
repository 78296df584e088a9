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
    public static List<Command> fix(
            String path, String haveMode, String haveOwner, String haveGroup, String mode, String owner, String group) {
        return fix(path, haveMode, haveOwner, haveGroup, mode, owner, group, false);
    }

    /**
     * As {@link #fix}, for a directory: with a 3-digit mode its set-user-ID and set-group-ID bits are left as they
     * are (GNU chmod keeps them on directories, and a directory below a set-group-ID one inherits that bit), so a
     * mode of 775 is met by 2775; a 4-digit mode such as 0775 or 2775 is applied and compared exactly.
     */
    public static List<Command> fixDirectory(
            String path, String haveMode, String haveOwner, String haveGroup, String mode, String owner, String group) {
        return fix(path, haveMode, haveOwner, haveGroup, mode, owner, group, true);
    }

    private static List<Command> fix(
            String path,
            String haveMode,
            String haveOwner,
            String haveGroup,
            String mode,
            String owner,
            String group,
            boolean directory) {
        List<Command> commands = new ArrayList<>();
        if (mode != null && (haveMode == null || !sameMode(haveMode, mode, directory))) {
            commands.add(Command.of("chmod", chmodMode(mode, directory), "--", path));
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

    /**
     * The umask under which a new file gets exactly {@code mode} (0666 less the umask), as three octal digits; null
     * when no umask can: the mode has execute, set-ID or sticky bits.
     */
    public static String creationUmask(String mode) {
        int m = Integer.parseInt(mode, 8);
        return (m & ~0666) != 0 ? null : String.format("%03o", 0777 & ~m);
    }

    /** Whether a mode as stat prints it (644, 2775) meets the wanted one; see {@link #fixDirectory}. */
    public static boolean sameMode(String have, String wanted, boolean directory) {
        int h = Integer.parseInt(have, 8);
        int w = Integer.parseInt(wanted, 8);
        if (directory && wanted.length() == 3) {
            h &= ~SET_ID;
        }
        return h == w;
    }

    /**
     * The mode word for chmod. GNU chmod keeps a directory's set-ID bits for a numeric mode of up to 4 digits
     * and clears them only for 5 (00775); BusyBox takes 5 digits too. So an exact 4-digit mode gets its extra 0.
     */
    public static String chmodMode(String mode, boolean directory) {
        return directory && mode.length() == 4 ? "0" + mode : mode;
    }

    private static final int SET_ID = 06000;
}
