package dev.jinfra.cli;

import dev.jinfra.inventory.HostKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * Ansible's configuration file, found as Ansible finds it (the file named by {@code ANSIBLE_CONFIG}, else
 * {@code ./ansible.cfg}, else {@code ~/.ansible.cfg}; only the first one found counts), so that an Ansible project
 * runs with the same defaults: {@code inventory}, {@code remote_user}, {@code private_key_file},
 * {@code host_key_checking}, {@code timeout}, {@code forks} and {@code vault_password_file} from
 * {@code [defaults]}, and {@code become} and {@code become_user} from {@code [privilege_escalation]}.
 *
 * <p>Host settings go under the inventory's data (a host's {@code ansible_user} beats {@code remote_user}, as in
 * Ansible); run settings are the defaults of their options ({@code forks} of {@code --parallel}), so the command
 * line still wins; its vault_password_file is used when neither an option nor {@code JINFRA_VAULT_PASSWORD}
 * gives the vault password. Relative paths are taken from the file's directory, as Ansible does.
 */
final class AnsibleConfig {
    static final String ENV = "ANSIBLE_CONFIG";

    /** Where Ansible would find no file: nothing changes. */
    static final AnsibleConfig NONE = new AnsibleConfig(null, Map.of(), Map.of());

    private final Path file;
    // "section.key" (both lowercase) to value, and to the line it is on.
    private final Map<String, String> values;
    private final Map<String, Integer> lines;

    private AnsibleConfig(Path file, Map<String, String> values, Map<String, Integer> lines) {
        this.file = file;
        this.values = values;
        this.lines = lines;
    }

    /**
     * The configuration Ansible would use here.
     *
     * @param warn told when ./ansible.cfg is skipped because its directory is world-writable (Ansible skips it too:
     *     anyone could have put it there)
     */
    static AnsibleConfig find(Path cwd, Map<String, String> env, Path home, Consumer<String> warn) {
        String named = env.get(ENV);
        if (named != null && !named.isBlank()) {
            Path given = cwd.resolve(expandHome(named, home));
            if (Files.isDirectory(given)) {
                given = given.resolve("ansible.cfg");
            }
            if (!Files.isRegularFile(given)) {
                throw new UsageException(ENV + "=" + named + ": no such file");
            }
            return read(given);
        }
        Path here = cwd.resolve("ansible.cfg");
        if (Files.isRegularFile(here)) {
            if (!worldWritable(cwd)) {
                return read(here);
            }
            warn.accept("ignoring " + here + ": its directory is world-writable, as Ansible ignores it");
        }
        Path own = home.resolve(".ansible.cfg");
        return Files.isRegularFile(own) ? read(own) : NONE;
    }

    /** For the command line: the configuration of the working directory, warnings to stderr. */
    static AnsibleConfig of(Console console) {
        return find(
                console.cwd(),
                System.getenv(),
                Path.of(System.getProperty("user.home")),
                w -> console.err().println("jinfra: warning: " + w));
    }

    static AnsibleConfig read(Path file) {
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + dev.jinfra.problem.Problems.inWords(e));
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        String section = null;
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip().toLowerCase(Locale.ROOT);
                continue;
            }
            int eq = firstOf(line, '=', ':');
            if (eq <= 0 || section == null) {
                throw new UsageException(
                        file + ":" + (i + 1) + ": expected [section] or key = value, not '" + line + "'");
            }
            String key = section + "." + line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            values.put(key, withoutInlineComment(line.substring(eq + 1)).strip());
            lines.put(key, i + 1);
        }
        return new AnsibleConfig(file, values, lines);
    }

    Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The inventory to use when the command line names none, as the command line would name it. */
    Optional<String> inventory() {
        return value("defaults.inventory").map(v -> {
            // A list of sources (a,b) or a host list is left as it is; one path is taken from the file's directory.
            if (v.contains(",")) {
                return v;
            }
            return file.getParent().resolve(expandHome(v, home())).normalize().toString();
        });
    }

    /** Settings for every host, under the inventory's own data. */
    Map<String, Object> hostDefaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        value("defaults.remote_user").ifPresent(v -> d.put(HostKeys.SSH_USER, v));
        value("defaults.private_key_file").ifPresent(v -> d.put(HostKeys.SSH_KEY, path(v).toString()));
        value("defaults.timeout").ifPresent(v -> d.put(HostKeys.SSH_CONNECT_TIMEOUT, number("defaults.timeout", v)));
        value("defaults.host_key_checking")
                .ifPresent(v -> d.put(
                        HostKeys.SSH_STRICT_HOST_KEY_CHECKING, bool("defaults.host_key_checking", v) ? "yes" : "no"));
        return d;
    }

    /**
     * Defaults of the command line's options, where this file says something about them: {@code forks} is the
     * default of {@code --parallel}, and so on. An option given on the command line wins.
     */
    CommandLine.IDefaultValueProvider options() {
        return argument -> {
            if (!(argument instanceof CommandLine.Model.OptionSpec option)) {
                return null;
            }
            return switch (option.longestName()) {
                case "--parallel" ->
                    value("defaults.forks")
                            .map(v -> Integer.toString(number("defaults.forks", v)))
                            .orElse(null);
                case "--sudo" ->
                    becomesWithSudo()
                            ? value("privilege_escalation.become")
                                    .map(v -> Boolean.toString(bool("privilege_escalation.become", v)))
                                    .orElse(null)
                            : null;
                case "--sudo-user" -> becomeUser();
                default -> null;
            };
        };
    }

    /** Whether become means sudo here (Ansible's default method); su and doas are set per operation in jinfra. */
    private boolean becomesWithSudo() {
        return value("privilege_escalation.become_method")
                .map(m -> m.equalsIgnoreCase("sudo"))
                .orElse(true);
    }

    /** The vault password file, for when neither an option nor the environment gives a password. */
    Optional<Path> vaultPasswordFile() {
        return value("defaults.vault_password_file").map(this::path);
    }

    /** become_user applies only when become is on, as in Ansible, where it says who, not whether. */
    private String becomeUser() {
        if (!becomesWithSudo()) {
            return null;
        }
        boolean become = value("privilege_escalation.become")
                .map(v -> bool("privilege_escalation.become", v))
                .orElse(false);
        return become ? value("privilege_escalation.become_user").orElse(null) : null;
    }

    private Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }

    private Path path(String value) {
        return file.getParent().resolve(expandHome(value, home())).normalize();
    }

    private int number(String key, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below with the file and line.
        }
        throw new UsageException(where(key) + ": " + key.substring(key.indexOf('.') + 1)
                + " must be a whole number from 1, not '" + value + "'");
    }

    /** Ansible's booleans: yes/no, true/false, on/off, 1/0, y/n, t/f, in any case. */
    private boolean bool(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on", "1", "y", "t" -> true;
            case "no", "false", "off", "0", "n", "f" -> false;
            default ->
                throw new UsageException(where(key) + ": " + key.substring(key.indexOf('.') + 1)
                        + " must be true or false, not '" + value + "'");
        };
    }

    private String where(String key) {
        return file + ":" + lines.get(key);
    }

    private static Path home() {
        return Path.of(System.getProperty("user.home"));
    }

    private static String expandHome(String path, Path home) {
        if (path.equals("~")) {
            return home.toString();
        }
        return path.startsWith("~/") ? home.resolve(path.substring(2)).toString() : path;
    }

    private static int firstOf(String line, char a, char b) {
        int i = line.indexOf(a);
        int j = line.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** Ansible reads its file with ';' after whitespace starting a comment. */
    private static String withoutInlineComment(String value) {
        for (int i = 1; i < value.length(); i++) {
            if (value.charAt(i) == ';' && Character.isWhitespace(value.charAt(i - 1))) {
                return value.substring(0, i);
            }
        }
        return value;
    }

    private static boolean worldWritable(Path dir) {
        try {
            return Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
