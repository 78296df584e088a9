package dev.jinfra.ops.docker;

import java.util.regex.Pattern;

/**
 * The container CLI the docker family runs: {@code docker}, or {@code podman}, which takes the same commands and
 * formats. Names of containers, networks and volumes are checked here so that none reads as an option.
 */
final class DockerCli {
    private DockerCli() {}

    static final String DEFAULT = "docker";

    // Docker's own rule for container, network and volume names.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    // An image reference: [registry[:port]/]path[:tag][@digest], lower-case path as Docker requires.
    private static final Pattern IMAGE = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9._:/-]*(?:@sha256:[0-9a-f]{64})?|sha256:[0-9a-f]{64}|[0-9a-f]{12,64}");

    static String cli(String where, String cli) {
        if (cli == null) {
            return DEFAULT;
        }
        if (!cli.equals("docker") && !cli.equals("podman")) {
            throw new IllegalArgumentException(where + ": cli must be docker or podman, not '" + cli + "'");
        }
        return cli;
    }

    static String name(String where, String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(where + ": '" + name + "' is not a " + what + " name");
        }
        return name;
    }

    static String image(String where, String image) {
        if (image == null || !IMAGE.matcher(image).matches()) {
            throw new IllegalArgumentException(where + ": '" + image + "' is not an image reference");
        }
        return image;
    }

    /** Tab-separated fields of one line of {@code --format} output; null for a line with fewer. */
    static String[] fields(String line, int count) {
        String[] f = line.split("\t", -1);
        return f.length < count || f[0].isBlank() ? null : f;
    }
}
