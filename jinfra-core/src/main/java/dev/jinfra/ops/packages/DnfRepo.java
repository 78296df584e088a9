package dev.jinfra.ops.packages;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Diffable;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;

/** {@code dnf.repo}: a repository file /etc/yum.repos.d/NAME.repo with exactly these settings, or no such file. */
@Doc(
        name = "dnf.repo",
        value =
                "A dnf repository file /etc/yum.repos.d/NAME.repo with exactly these settings (rewritten atomically when it differs), or none.",
        example = "dnf.repo(\"example\", \"https://example.org/el9/x86_64/\").sudo();")
public record DnfRepo(
        @Arg(value = "repository id and file name", required = true)
        String name,

        @Arg("URL of the repository; required unless present is false")
        String baseurl,

        @Arg("human-readable name; default: the id") String description,

        @Arg(value = "whether dnf uses the repository", defaultValue = "true")
        boolean enabled,

        @Arg(value = "whether packages must be signed", defaultValue = "true")
        boolean gpgcheck,

        @Arg("URL of the signing key, e.g. https://example.org/RPM-GPG-KEY")
        String gpgkey,

        @Arg(value = "whether the file should exist", defaultValue = "true")
        boolean present)
        implements Operation, Diffable {

    public DnfRepo {
        RepoFile.check("dnf.repo", name, baseurl, description, gpgkey, present);
    }

    @Override
    public String describe() {
        return (present ? "Dnf repo: " : "No dnf repo: ") + name;
    }

    @Override
    public Plan plan(FactSource facts) {
        return file().plan(facts);
    }

    @Override
    public String diff(FactSource facts) {
        return file().diff(facts);
    }

    private RepoFile file() {
        return new RepoFile(RepoFile.YUM, name, baseurl, description, enabled, gpgcheck, gpgkey, false, present);
    }
}
