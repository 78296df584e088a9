package dev.jinfra.engine.deploy;

import dev.jinfra.command.Command;
import dev.jinfra.command.Secret;
import dev.jinfra.deploy.Settings;
import java.util.Objects;

/**
 * Who facts are read as: the same user an operation's commands run as (through sudo, su or doas), so that an
 * operation on a root-only file plans from what root sees, not from what the login user may read. Two reads
 * as the same user share one cache; the password only travels with them and is not part of the identity.
 */
public record FactUser(Command.Escalation how, String user, Secret sudoPassword) {
    public static final FactUser LOGIN = new FactUser(Command.Escalation.NONE, null, null);

    /** As the commands of an operation with {@code settings} run; {@code fallbackPassword} from the command line. */
    static FactUser of(Settings settings, Secret fallbackPassword) {
        if (settings.usesSudo()) {
            return new FactUser(
                    Command.Escalation.SUDO,
                    settings.sudoUser() == null ? "root" : settings.sudoUser(),
                    settings.sudoPasswordOr(fallbackPassword));
        }
        if (settings.doasUser() != null) {
            return new FactUser(Command.Escalation.DOAS, settings.doasUser(), null);
        }
        if (settings.suUser() != null) {
            return new FactUser(Command.Escalation.SU, settings.suUser(), null);
        }
        return LOGIN;
    }

    /** {@code command} run as this user. */
    Command wrap(Command command) {
        return switch (how) {
            case NONE -> command;
            case SUDO -> command.sudo(user, sudoPassword != null);
            case SU -> command.su(user);
            case DOAS -> command.doas(user);
        };
    }

    /** What sudo reads on standard input before anything else, or null. */
    byte[] stdin() {
        return stdin((byte[]) null);
    }

    /** What {@code command}, run as this user, reads on standard input: sudo's password, then its own; or null. */
    byte[] stdin(Command command) {
        return stdin(command.stdin(null));
    }

    private byte[] stdin(byte[] own) {
        return how == Command.Escalation.SUDO && sudoPassword != null
                ? Command.sudoStdin(sudoPassword.reveal(), own)
                : own;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FactUser other && how == other.how && Objects.equals(user, other.user);
    }

    @Override
    public int hashCode() {
        return Objects.hash(how, user);
    }

    @Override
    public String toString() {
        return how == Command.Escalation.NONE
                ? "login user"
                : how.name().toLowerCase(java.util.Locale.ROOT) + " " + user;
    }
}
