package dev.jinfra.ops.packages;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Diffable;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;

/** {@code yum.repo}: a repository file /etc/yum.repos.d/NAME.repo with exactly these settings, or no such file. */
@Doc(
        name = "yum.repo",
        value =
                "A yum repository file /etc/yum.repos.d/NAME.repo with exactly these settings (rewritten atomically when it differs), or none.",
        example = "yum.repo(\"example\", \"https://example.org/el9/x86_64/\").sudo();")
public record YumRepo(
        @Arg(value = "repository id and file name", required = true)
        String name,

        @Arg("URL of the repository; required unless present is false")
        String baseurl,

        @Arg("human-readable name; default: the id") String description,

        @Arg(value = "whether yum uses the repository", defaultValue = "true")
        boolean enabled,

        @Arg(value = "whether packages must be signed", defaultValue = "true")
        boolean gpgcheck,

        @Arg("URL of the signing key, e.g. https://example.org/RPM-GPG-KEY")
        String gpgkey,

        @Arg(value = "whether the file should exist", defaultValue = "true")
        boolean present)
        implements Operation, Diffable {

    public YumRepo {
        RepoFile.check("yum.repo", name, baseurl, description, gpgkey, present);
    }

    @Override
    public String describe() {
        return (present ? "Yum repo: " : "No yum repo: ") + name;
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
