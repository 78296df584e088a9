package dev.jinfra.inventory;

import java.util.regex.Pattern;

/**
 * How a host is reached, and what it is called there: an SSH address, this machine, a container of a container
 * engine, or a directory to {@code chroot} into. Read from the host's name ({@code @local}, {@code @docker/NAME},
 * {@code @podman/NAME}, {@code @chroot/PATH}) or from its {@link HostKeys#CONNECTOR} data, with the address or
 * inventory name as the container's name or the chroot's path.
 *
 * @param where the SSH address, the container's name or id, or the chroot's absolute path; empty for local
 */
public record ConnectTarget(Kind kind, String where) {

    public enum Kind {
        SSH("ssh"),
        LOCAL("local"),
        DOCKER("docker"),
        PODMAN("podman"),
        CHROOT("chroot");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The kind's name in targets ({@code @docker/…}) and in the {@code connector} host data. */
        public String word() {
            return word;
        }
    }

    /** What the forms of targets look like, for messages that say what was expected. */
    public static final String FORMS = "@local, @docker/NAME, @podman/NAME or @chroot/PATH";

    // Docker's own rule for container names (an id is hex digits, which it also allows).
    private static final Pattern CONTAINER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    /** Whether a host name is written as a target of its own kind ({@code @...}) rather than an SSH host. */
    public static boolean isSpecial(String name) {
        return name.startsWith("@");
    }

    /**
     * The target a host name beginning with {@code @} stands for.
     *
     * @throws IllegalArgumentException naming the name, when it is not one of the {@link #FORMS}
     */
    public static ConnectTarget ofName(String name) {
        if (name.equals(Host.LOCAL)) {
            return new ConnectTarget(Kind.LOCAL, "");
        }
        int slash = name.indexOf('/');
        String word = slash < 0 ? name.substring(1) : name.substring(1, slash);
        String rest = slash < 0 ? null : name.substring(slash + 1);
        if (rest != null && rest.length() > 1 && rest.endsWith("/")) {
            // @chroot/srv/root/ as a shell completes it: the same directory.
            rest = rest.substring(0, rest.length() - 1);
        }
        Kind kind = switch (word) {
            case "docker" -> Kind.DOCKER;
            case "podman" -> Kind.PODMAN;
            case "chroot" -> Kind.CHROOT;
            default -> null;
        };
        if (kind == null) {
            String meant = word.startsWith("local") ? " (did you mean @local?)" : " (expected " + FORMS + ")";
            throw new IllegalArgumentException("unknown target '" + name + "'" + meant);
        }
        if (rest == null || rest.isEmpty()) {
            String what = kind == Kind.CHROOT ? "PATH" : "NAME";
            throw new IllegalArgumentException("missing " + what.toLowerCase(java.util.Locale.ROOT) + " in '" + name
                    + "' (expected @" + word + "/" + what + ")");
        }
        return kind == Kind.CHROOT ? chroot("/" + rest, name) : container(kind, rest, name);
    }

    /**
     * The target of a host: by its name when that begins with {@code @}, else by its {@code connector} data.
     *
     * @throws IllegalArgumentException naming the host, for a bad name or an unknown connector
     */
    public static ConnectTarget of(Host host) {
        if (isSpecial(host.name())) {
            return ofName(host.name());
        }
        String connector = host.string(HostKeys.CONNECTOR, Kind.SSH.word());
        for (Kind kind : Kind.values()) {
            if (kind.word().equals(connector)) {
                return switch (kind) {
                    case SSH -> new ConnectTarget(kind, host.address());
                    case LOCAL -> new ConnectTarget(kind, "");
                    case CHROOT -> chroot(host.address(), "host " + host.name());
                    case DOCKER, PODMAN -> container(kind, host.address(), "host " + host.name());
                };
            }
        }
        throw new IllegalArgumentException("host " + host.name() + ": " + HostKeys.CONNECTOR
                + " must be ssh, local, docker, podman or chroot, not '" + connector + "'");
    }

    private static ConnectTarget container(Kind kind, String name, String written) {
        if (!CONTAINER.matcher(name).matches()) {
            throw new IllegalArgumentException("bad container name '" + name + "' in '" + written
                    + "' (letters, digits, '_', '.' and '-', beginning with a letter or digit)");
        }
        return new ConnectTarget(kind, name);
    }

    private static ConnectTarget chroot(String path, String written) {
        // A path that means something else once normalised would name one directory and enter another.
        if (!path.startsWith("/")
                || path.equals("/")
                || path.contains("//")
                || (path.endsWith("/") && path.length() > 1)
                || ("/" + path + "/").contains("/../")
                || ("/" + path + "/").contains("/./")) {
            throw new IllegalArgumentException("bad chroot directory '" + path + "' in '" + written
                    + "' (an absolute path other than /, without '.', '..' or empty parts)");
        }
        return new ConnectTarget(Kind.CHROOT, path);
    }

    /** How the target is named in output: {@code @docker/web}, {@code @chroot/srv/root}. */
    public String written() {
        return switch (kind) {
            case SSH -> where;
            case LOCAL -> Host.LOCAL;
            case CHROOT -> "@chroot" + where;
            case DOCKER, PODMAN -> "@" + kind.word() + "/" + where;
        };
    }
}
