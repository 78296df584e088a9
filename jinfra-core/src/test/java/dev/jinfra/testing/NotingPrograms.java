package dev.jinfra.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Stand-ins for programs that note each start ({@code NAME FIRST-ARGUMENT}, one line) in a file and then run the
 * real program: put their directory first on a script's {@code PATH} to count what the script starts.
 */
public final class NotingPrograms {
    private NotingPrograms() {}

    /** Writes a stand-in for each of {@code programs} into {@code bin}, noting to {@code log}; returns {@code bin}. */
    public static Path create(Path bin, Path log, List<String> programs) throws IOException {
        Files.createDirectories(bin);
        for (String program : programs) {
            Path stand = bin.resolve(program);
            Files.writeString(
                    stand,
                    "#!/bin/sh\necho \"" + program + " $1\" >> '" + log + "'\nPATH=/usr/bin:/bin exec " + program
                            + " \"$@\"\n");
            Files.setPosixFilePermissions(stand, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin;
    }

    /** The noted starts, in order; none when nothing started. */
    public static List<String> started(Path log) throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }
}
