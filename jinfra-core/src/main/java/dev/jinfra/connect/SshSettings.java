package dev.jinfra.connect;

import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostKeys;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything needed to open an SSH session to one host, resolved from its data, then the ssh config file,
 * then defaults, in that order of precedence.
 *
 * @param implicitKeys whether {@code keyFiles} are the default ~/.ssh/id_* files, which nobody named: like
 *     OpenSSH, jinfra skips one of those that cannot be decrypted instead of failing the host
 * @param jumpHosts the hops of {@code proxyJump}, first hop first, each resolved through the ssh config
 * @param knownHostsFile the known_hosts file {@code accept-new} writes to, the first of {@code knownHostsFiles}
 * @param knownHostsFiles the user's known_hosts files, all looked up
 * @param globalKnownHostsFiles the system-wide known_hosts files the ssh config names (looked up, never
 *     written); null when it names none, for the default ones
 * @param hashKnownHosts whether {@code accept-new} writes the host name hashed (the ssh config's HashKnownHosts)
 */
public record SshSettings(
        String address,
        int port,
        String user,
        List<Path> keyFiles,
        boolean implicitKeys,
        String keyPassphraseEnv,
        String password,
        Path knownHostsFile,
        HostKeyChecking hostKeyChecking,
        String proxyJump,
        List<JumpHost> jumpHosts,
        Duration connectTimeout,
        int connectRetries,
        List<String> kexAlgorithms,
        List<Path> knownHostsFiles,
        List<Path> globalKnownHostsFiles,
        boolean hashKnownHosts) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    /**
     * @throws IllegalArgumentException naming the host and key when a value is malformed (a port that is not
     *     a number, an unknown host key checking mode), so a bad inventory fails before any host is touched
     */
    public static SshSettings resolve(Host host, SshConfigFile config) {
        try {
            return resolveUnchecked(host, config);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("host " + host.name() + ": " + e.getMessage(), e);
        }
    }

    private static SshSettings resolveUnchecked(Host host, SshConfigFile config) {
        SshConfigFile.Entry fromConfig = config.lookup(host.address());
        String address = host.value(HostKeys.SSH_HOSTNAME)
                .map(Object::toString)
                .orElse(fromConfig.hostName() != null ? fromConfig.hostName() : host.address());
        int port = host.value(HostKeys.SSH_PORT)
                .map(v -> integer(HostKeys.SSH_PORT, v, 1, 65535))
                .orElse(fromConfig.port() != null ? fromConfig.port() : 22);
        String user = host.value(HostKeys.SSH_USER)
                .map(Object::toString)
                .orElse(fromConfig.user() != null ? fromConfig.user() : System.getProperty("user.name"));

        List<Path> keys = namedKeyFiles(host, fromConfig, config, address, user, port);
        boolean implicitKeys = keys == null;
        if (implicitKeys) {
            // Like ssh: the usual key files, for those that exist.
            Path sshDir = Path.of(System.getProperty("user.home"), ".ssh");
            keys = DEFAULT_KEYS.stream()
                    .map(sshDir::resolve)
                    .filter(Files::isRegularFile)
                    .toList();
        }

        List<Path> knownHostsFiles = knownHostsFiles(host, fromConfig, address, user, port);
        List<Path> globalKnownHostsFiles = host.value(HostKeys.SSH_GLOBAL_KNOWN_HOSTS_FILE)
                .map(SshSettings::paths)
                .orElseGet(() -> fromConfig.globalKnownHostsFile() == null
                        ? null
                        : SshConfigFile.knownHostsFiles(
                                fromConfig.globalKnownHostsFile(), host.address(), address, user, port));
        boolean hashKnownHosts = host.value(HostKeys.SSH_HASH_KNOWN_HOSTS)
                .map(v ->
                        v.toString().strip().toLowerCase(java.util.Locale.ROOT).matches("true|yes"))
                .orElse(Boolean.TRUE.equals(fromConfig.hashKnownHosts()));
        HostKeyChecking checking = host.value(HostKeys.SSH_STRICT_HOST_KEY_CHECKING)
                .map(v -> HostKeyChecking.parse(v.toString()))
                .orElseGet(() -> ConfigChoices.hostKeyChecking(fromConfig.strictHostKeyChecking()));
        // "none" in host data turns off a ProxyJump the ssh config would add, as it does in the config itself.
        String proxyJump = host.value(HostKeys.SSH_PROXY_JUMP)
                .map(Object::toString)
                .map(v -> v.isBlank() || v.strip().equalsIgnoreCase("none") ? "" : v.strip())
                .orElse(fromConfig.proxyJump());
        if (proxyJump != null && proxyJump.isEmpty()) {
            proxyJump = null;
        }
        if (host.value(HostKeys.SSH_PROXY_JUMP).isEmpty() && fromConfig.proxyCommand() != null) {
            throw SshConfigFile.proxyCommandRefused(fromConfig.proxyCommand());
        }
        List<JumpHost> jumps = JumpHost.resolve(proxyJump, config, keys, implicitKeys);
        Duration timeout = host.value(HostKeys.SSH_CONNECT_TIMEOUT)
                .map(v -> Duration.ofSeconds(integer(HostKeys.SSH_CONNECT_TIMEOUT, v, 1, 3600)))
                .orElseGet(() -> ConfigChoices.connectTimeout(fromConfig.connectTimeout(), DEFAULT_CONNECT_TIMEOUT));
        int retries = host.value(HostKeys.SSH_CONNECT_RETRIES)
                .map(v -> integer(HostKeys.SSH_CONNECT_RETRIES, v, 0, 100))
                .orElseGet(() -> ConfigChoices.retries(fromConfig.connectionAttempts()));
        List<String> kex = host.value(HostKeys.SSH_KEX_ALGORITHMS)
                .map(v -> Arrays.stream(v.toString().split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElseGet(() -> ConfigChoices.kexAlgorithms(fromConfig.kexAlgorithms()));
        return new SshSettings(
                address,
                port,
                user,
                keys,
                implicitKeys,
                host.string(HostKeys.SSH_KEY_PASSWORD_ENV, null),
                host.string(HostKeys.SSH_PASSWORD, null),
                knownHostsFiles.getFirst(),
                checking,
                proxyJump,
                jumps,
                timeout,
                retries,
                kex,
                knownHostsFiles,
                globalKnownHostsFiles,
                hashKnownHosts);
    }

    /**
     * {@code ssh_known_hosts_file} (a path or a list), else the config's UserKnownHostsFile (every file listed; {@code none} is
     * ignored, since accept-new needs a file to write to), else {@code ~/.ssh/known_hosts}.
     */
    private static List<Path> knownHostsFiles(
            Host host, SshConfigFile.Entry fromConfig, String address, String user, int port) {
        Object value = host.value(HostKeys.SSH_KNOWN_HOSTS_FILE).orElse(null);
        if (value instanceof List<?> && !paths(value).isEmpty()) {
            return paths(value);
        }
        String given = value == null || value instanceof List<?> ? null : value.toString();
        if (given == null && fromConfig.userKnownHostsFile() != null) {
            List<Path> files =
                    SshConfigFile.knownHostsFiles(fromConfig.userKnownHostsFile(), host.address(), address, user, port);
            if (!files.isEmpty()) {
                return files;
            }
        }
        return List.of(Path.of(SshConfigFile.expandHome(given != null ? given : "~/.ssh/known_hosts")));
    }

    /**
     * {@code ssh_key} is one path or a list of paths. An empty list means no key files at all, not even the
     * config's IdentityFile or ~/.ssh/id_*: for hosts that log in through ssh-agent or a password only.
     * Without ssh_key, the config's IdentityFiles that exist; as in OpenSSH, naming only missing ones still
     * keeps the ~/.ssh/id_* files out. Null when neither the host data nor the config names any.
     */
    private static List<Path> namedKeyFiles(
            Host host, SshConfigFile.Entry fromConfig, SshConfigFile config, String address, String user, int port) {
        List<Path> keys = new ArrayList<>();
        Object given = host.value(HostKeys.SSH_KEY).orElse(null);
        if (given instanceof List<?> list) {
            if (list.isEmpty()) {
                return List.of();
            }
            list.forEach(k -> keys.add(Path.of(SshConfigFile.expandHome(k.toString()))));
        } else if (given != null && !given.toString().isBlank()) {
            keys.add(Path.of(SshConfigFile.expandHome(given.toString())));
        }
        if (keys.isEmpty() && !fromConfig.identityFiles().isEmpty()) {
            return config.identityFiles(fromConfig, host.address(), address, user, port);
        }
        return keys.isEmpty() ? null : List.copyOf(keys);
    }

    /** One path or a list of them, {@code ~/} expanded. */
    private static List<Path> paths(Object value) {
        Iterable<?> items = value instanceof List<?> list ? list : List.of(value);
        List<Path> paths = new ArrayList<>();
        for (Object item : items) {
            paths.add(Path.of(SshConfigFile.expandHome(item.toString())));
        }
        return List.copyOf(paths);
    }

    private static int integer(String key, Object value, int min, int max) {
        long n;
        try {
            // YAML gives numbers; INI files and the command line give strings. 22.0 is fine, 22.5 is not.
            n = value instanceof Number num
                    ? new BigDecimal(num.toString()).longValueExact()
                    : Long.parseLong(value.toString().strip());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", not " + n);
        }
        return (int) n;
    }

    /** What known_hosts and error messages call this host: {@code addr} or {@code [addr]:port}. */
    public String displayAddress() {
        return port == 22 ? address : "[" + address + "]:" + port;
    }
}
