package dev.jinfra.ops.selinux;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.Map;

/**
 * {@code selinux.fileContext}: the policy maps paths matching an expression to an SELinux type (semanage fcontext),
 * added, or modified where the policy or the host mapped it to another type; or the host's own mapping is deleted.
 * Files already there keep their label until {@code restorecon} relabels them.
 */
@Doc(
        name = "selinux.fileContext",
        value =
                "SELinux labels paths matching an expression with a type (semanage fcontext, for all files), or the host's own mapping is deleted; restorecon applies it to existing files.",
        example = "selinux.fileContext(\"/srv/www(/.*)?\", \"httpd_sys_content_t\").sudo();")
public record SelinuxFileContext(
        @Arg(value = "the path expression, e.g. /srv/www(/.*)?", required = true)
        String target,

        @Arg("the SELinux type, e.g. httpd_sys_content_t; needed unless present is false")
        String type,

        @Arg(value = "whether the mapping should be there", defaultValue = "true")
        boolean present)
        implements Operation {
    private static final String OP = "selinux.fileContext";

    public SelinuxFileContext {
        // semanage takes expressions of absolute paths; blanks would end the expression in its own listing.
        if (target == null || !target.startsWith("/") || target.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException(
                    OP + ": target must be an absolute path expression without blanks, not '" + target + "'");
        }
        if (type != null) {
            SeNames.identifier(OP, "type", type);
        } else if (present) {
            throw new IllegalArgumentException(OP + ": " + target + " needs a type");
        }
    }

    @Override
    public String describe() {
        return (present ? "SELinux file context: " + target + " -> " + type : "No SELinux file context: " + target);
    }

    @Override
    public Plan plan(FactSource facts) {
        // Deleting is only possible for the host's own mappings, so absence is judged by those.
        Map<String, String> mappings = facts.get(new SeFileContexts(!present));
        if (mappings == null) {
            throw new IllegalStateException(OP + ": cannot list file contexts (semanage, from policycoreutils)");
        }
        String now = mappings.get(target);
        if (!present) {
            return now == null
                    ? Plan.noChange("the host maps no file context for " + target)
                    : Plan.run(Command.of("semanage", "fcontext", "-d", "--", target));
        }
        if (type.equals(now)) {
            return Plan.noChange(target + " is labelled " + type);
        }
        return Plan.run(Command.of("semanage", "fcontext", now == null ? "-a" : "-m", "-t", type, "--", target));
    }
}
