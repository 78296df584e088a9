package dev.jinfra.ops.packages;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;

/** {@code yum.key}: a signing key is imported into rpm, unless rpm already has the key with the given id. */
@Doc(
        name = "yum.key",
        value =
                "A package signing key is imported with rpm --import from a URL or a path on the host, unless rpm has a key "
                        + "with keyid already. Without keyid it is imported on every run, reported as a change.",
        example = "yum.key(\"https://example.org/RPM-GPG-KEY-example\").keyid(\"5a6340b3\").sudo();")
public record YumKey(
        @Arg(value = "URL (http, https, ftp) or absolute path on the host of the key", required = true)
        String src,

        @Arg(
                "the key's id or fingerprint in hex (rpm keeps the last 8 digits), so an imported key is not imported again")
        String keyid)
        implements Operation {

    public YumKey {
        // Kept as rpm lists it: the last 8 hex digits, lowercase.
        keyid = RpmKey.check("yum.key", src, keyid);
    }

    @Override
    public String describe() {
        return "Import rpm key: " + src;
    }

    @Override
    public Plan plan(FactSource facts) {
        return RpmKey.plan(src, keyid, facts);
    }
}
