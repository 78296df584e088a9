package dev.jinfra.ops.apt;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code apt.ppa}: an Ubuntu PPA is added with add-apt-repository, which also fetches its key and (on current
 * Ubuntu) updates the lists; or removed. Whether it is there is read from apt's sources, wherever and in whichever
 * format add-apt-repository wrote them (.list before Ubuntu 23.10, deb822 .sources since).
 */
@Doc(
        name = "apt.ppa",
        value =
                "An Ubuntu PPA (ppa:owner/name) is added with add-apt-repository -y when apt's sources have no entry for it, "
                        + "or removed with --remove. Needs add-apt-repository (package software-properties-common).",
        example = "apt.ppa(\"ppa:deadsnakes/ppa\").sudo();")
public record AptPpa(
        @Arg(value = "the PPA, as ppa:owner/name (ppa:owner means ppa:owner/ppa)", required = true)
        String src,

        @Arg(value = "whether the PPA should be in apt's sources", defaultValue = "true")
        boolean present)
        implements Operation {

    // Launchpad names: lowercase letters, digits, '.', '+', '-', starting with a letter or digit.
    private static final Pattern PPA = Pattern.compile("ppa:([a-z0-9][a-z0-9.+-]*)(?:/([a-z0-9][a-z0-9.+-]*))?");

    public AptPpa {
        if (src == null || !PPA.matcher(src).matches()) {
            throw new IllegalArgumentException("apt.ppa: src must be ppa:owner/name, not '" + src + "'");
        }
    }

    @Override
    public String describe() {
        return (present ? "Add PPA: " : "Remove PPA: ") + src;
    }

    @Override
    public Plan plan(FactSource facts) {
        Matcher m = PPA.matcher(src);
        m.matches();
        String path = "/" + m.group(1) + "/" + (m.group(2) == null ? "ppa" : m.group(2)) + "/ubuntu";
        String file = null;
        for (AptSources.Source s : facts.get(new AptSources())) {
            if (s.type().equals("deb") && isPpa(s.uri(), path)) {
                file = s.file();
                break;
            }
        }
        if (present == (file != null)) {
            return Plan.noChange(src + (present ? " is in " + file : " is not in apt's sources"));
        }
        // The source is checked above: never an option.
        return Plan.run(Command.of(
                present
                        ? List.of("add-apt-repository", "-y", src)
                        : List.of("add-apt-repository", "-y", "--remove", src)));
    }

    /** Launchpad serves PPAs from ppa.launchpadcontent.net now and from ppa.launchpad.net before; both count. */
    private static boolean isPpa(String uri, String path) {
        String u = uri.toLowerCase(Locale.ROOT).replaceFirst("/+$", "");
        return u.matches("https?://ppa\\.launchpad(content)?\\.net" + Pattern.quote(path));
    }
}
