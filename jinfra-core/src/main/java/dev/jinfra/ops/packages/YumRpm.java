package dev.jinfra.ops.packages;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;

/** {@code yum.rpm}: an .rpm file's package is installed with yum, which also brings in its dependencies. */
@Doc(
        name = "yum.rpm",
        value =
                "An .rpm from a URL or a path on the host is installed with yum install, unless its package (at version, if given) already is.",
        example = "yum.rpm(\"https://example.org/tool-1.2-1.x86_64.rpm\", \"tool\").sudo();")
public record YumRpm(
        @Arg(value = "URL (http, https, ftp) or absolute path on the host of the .rpm", required = true)
        String src,

        @Arg(value = "the package the .rpm installs, e.g. tool", required = true)
        String packageName,

        @Arg("the version it installs (version or version-release); any installed version will do when not given")
        String version)
        implements Operation {

    public YumRpm {
        RpmFile.check("yum.rpm", src, packageName, version);
    }

    @Override
    public String describe() {
        return "Install rpm: " + src;
    }

    @Override
    public Plan plan(FactSource facts) {
        return RpmFile.plan("yum", src, packageName, version, facts);
    }
}
