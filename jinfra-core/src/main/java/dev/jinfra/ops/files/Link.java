package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.ChangeScope;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;

/**
 * {@code files.link}: a symbolic link (or a hard link) at {@code path} to {@code target}, or no link there.
 * Never replaces a directory, and a file only when {@code force} says so.
 */
@Doc(
        name = "files.link",
        value = "A symbolic (or hard) link points at a target, or is absent.",
        example = "files.link(\"/srv/app/current\", \"/srv/app/releases/42\");")
public record Link(
        @Arg(value = "where the link is", required = true) String path,

        @Arg("what the link points to; needed unless present is false")
        String target,

        @Arg(value = "whether the link should exist", defaultValue = "true")
        boolean present,

        @Arg(value = "a symbolic link rather than a hard link", defaultValue = "true")
        boolean symbolic,

        @Arg("replace a file that is in the way") boolean force)
        implements Operation {

    public Link {
        Edits.checkPath("files.link", path);
        if ((present || !symbolic) && (target == null || target.isEmpty())) {
            throw new IllegalArgumentException("files.link needs a target for " + path);
        }
    }

    @Override
    public String describe() {
        return present ? "Link: " + path + " -> " + target : "Remove link: " + path;
    }

    @Override
    public Plan plan(FactSource facts) {
        LinkInfo.Value now = read(facts, path);
        if (now != null && now.type().equals("directory")) {
            throw new IllegalStateException(path + " is a directory, not a link");
        }
        return symbolic ? planSymbolic(now) : planHard(now, read(facts, target));
    }

    /**
     * The same as the LinkInfo fact, from two facts the probe reads cheaper: the identity comes from the host's
     * shared stat, the target from readlink alone. The target is asked whatever the type, so both come in one
     * probe; readlink of anything but a link just reads as null.
     */
    static LinkInfo.Value read(FactSource facts, String p) {
        PathIdentity.Value id = facts.get(new PathIdentity(p));
        String linkText = facts.get(new LinkTarget(p));
        if (id == null) {
            return null;
        }
        return new LinkInfo.Value(id.type(), id.identity(), id.type().equals("symbolic link") ? linkText : null);
    }

    private Plan planSymbolic(LinkInfo.Value now) {
        if (!present) {
            if (now == null) {
                return Plan.noChange(path + " does not exist");
            }
            if (!now.isSymbolicLink()) {
                throw new IllegalStateException(path + " is a " + now.type() + ", not a link; not removing it");
            }
            return Plan.run(Command.of("rm", "-f", "--", path));
        }
        if (now != null && now.isSymbolicLink() && target.equals(now.target())) {
            return Plan.noChange(path + " points to " + target);
        }
        refuseUnlessForced(now);
        // -n: replace a link to a directory instead of creating the new link inside that directory.
        return Plan.run(Command.of("ln", "-sfn", "--", target, path));
    }

    private Plan planHard(LinkInfo.Value now, LinkInfo.Value wanted) {
        if (wanted == null) {
            throw new IllegalStateException("link target " + target + " does not exist");
        }
        boolean same = now != null && now.identity().equals(wanted.identity());
        if (!present) {
            return same
                    ? Plan.run(Command.of("rm", "-f", "--", path))
                    : Plan.noChange(path + " is not a link to " + target);
        }
        if (same) {
            return Plan.noChange(path + " is a hard link to " + target);
        }
        refuseUnlessForced(now);
        return Plan.run(Command.of("ln", "-f", "--", target, path));
    }

    private void refuseUnlessForced(LinkInfo.Value now) {
        if (now != null && !now.isSymbolicLink() && !force) {
            throw new IllegalStateException(
                    path + " exists and is a " + now.type() + "; set force to replace it with a link");
        }
    }

    @Override
    public ChangeScope changes() {
        // A link made, moved or removed changes every path that goes through it.
        return ChangeScope.trees(path);
    }
}
