package dev.jinfra.cli;

import dev.jinfra.cli.output.RetryFile;
import dev.jinfra.cli.output.RunIdentity;
import dev.jinfra.cli.output.Shard;
import dev.jinfra.inventory.AnsibleContext;
import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.HostKeys;
import dev.jinfra.inventory.Inventory;
import dev.jinfra.inventory.InventoryLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which hosts, and how to reach them: shared by every command that works on an inventory. */
final class TargetOptions {
    @Option(
            names = "--limit",
            paramLabel = "PATTERN",
            description =
                    "Only these hosts: groups, names, globs (web-*), ranges, !exclude, &intersect, @file; comma-separated, repeatable.")
    List<String> limits = new ArrayList<>();

    @Option(
            names = "--retry",
            paramLabel = "failed",
            completionCandidates = Candidates.Retry.class,
            description = "Target the hosts that did not succeed in the last run (from .jinfra/failed-hosts).")
    String retry;

    @Option(
            names = {"-d", "--data"},
            paramLabel = "KEY=VALUE",
            description = "Host data for every host, over the inventory's (repeatable), e.g. ssh_port=2222.")
    Map<String, String> data = new LinkedHashMap<>();

    @Option(
            names = {"-u", "--user"},
            paramLabel = "USER",
            description = "SSH user (same as --data ssh_user=USER).")
    String user;

    @Option(
            names = {"-i", "--key"},
            paramLabel = "FILE",
            description = "Private key file (same as --data ssh_key=FILE).")
    String key;

    @Option(names = "--port", paramLabel = "PORT", description = "SSH port (same as --data ssh_port=PORT).")
    Integer port;

    @Option(
            names = "--ssh-config",
            paramLabel = "FILE",
            description = "OpenSSH client config to read (default: ~/.ssh/config).")
    Path sshConfig;

    @Option(
            names = "--connect-timeout",
            paramLabel = "DURATION",
            converter = DurationArg.class,
            description = "Give up connecting to a host after this long: 1s to 1h, in whole seconds (default 10s).")
    Duration connectTimeout;

    @Option(
            names = "--connect-retries",
            paramLabel = "N",
            description = "Retry a failed connection N times, with jittered backoff.")
    Integer connectRetries;

    @Option(
            names = "--jump-targets",
            paramLabel = "N",
            description = "Targets that share one connection to a jump host before another is opened (default "
                    + dev.jinfra.connect.SshConnector.DEFAULT_JUMP_TARGETS + ").")
    Integer jumpTargets;

    @Option(
            names = "--accept-new-host-keys",
            description = "Accept and record keys of hosts not yet in known_hosts (a changed key is still refused).")
    boolean acceptNewHostKeys;

    @Option(
            names = "--shard",
            paramLabel = "I/N",
            description =
                    "Only part I of N (from 1 to N) of the targeted hosts, chosen by a hash of each host's name: N controllers with 1/N to N/N together take every host once. Needs --run-id.")
    String shard;

    @Option(
            names = "--run-id",
            paramLabel = "ID",
            description =
                    "A name for the run, the same on every shard (e.g. the CI run's id): written in the JSON lines, so that jinfra report merges only parts of one run.")
    String runId;

    @Option(names = "--debug", description = "Print stack traces for errors.")
    boolean debug;

    @Mixin
    VaultOptions vault = new VaultOptions();

    /** CLI data, which overrides every inventory value. */
    Map<String, Object> cliData() {
        Map<String, Object> d = new LinkedHashMap<>(data);
        if (user != null) {
            d.put(HostKeys.SSH_USER, user);
        }
        if (key != null) {
            d.put(HostKeys.SSH_KEY, key);
        }
        if (port != null) {
            if (port < 1 || port > 65535) {
                throw new UsageException("--port must be between 1 and 65535, not " + port);
            }
            d.put(HostKeys.SSH_PORT, port);
        }
        if (connectTimeout != null) {
            // A connection attempt always has a limit: 0 ("none" for other durations) would wait on a dead host
            // forever.
            if (connectTimeout.compareTo(Duration.ofSeconds(1)) < 0
                    || connectTimeout.compareTo(Duration.ofHours(1)) > 0) {
                throw new UsageException(
                        "--connect-timeout must be between 1s and 1h, not " + DurationArg.format(connectTimeout));
            }
            d.put(HostKeys.SSH_CONNECT_TIMEOUT, (int) ((connectTimeout.toMillis() + 999) / 1000));
        }
        if (connectRetries != null) {
            if (connectRetries < 0 || connectRetries > 100) {
                throw new UsageException("--connect-retries must be between 0 and 100, not " + connectRetries);
            }
            d.put(HostKeys.SSH_CONNECT_RETRIES, connectRetries);
        }
        if (acceptNewHostKeys) {
            d.put(HostKeys.SSH_STRICT_HOST_KEY_CHECKING, "accept-new");
        }
        return d;
    }

    // The inventory select() chose from, for messages naming where a host's data was written.
    private Inventory selected;
    // The whole inventory before --limit, --retry and --shard: the hosts templates may name (Ansible's hostvars).
    private Inventory whole;
    // Every host of the run, of all its shards: what the run's identity names.
    private List<String> targeted = List.of();

    /** The shard asked for, or null; checked before the inventory is read. */
    Shard shard() {
        if (shard == null) {
            if (runId != null && runId.isBlank()) {
                throw new UsageException("--run-id must not be empty");
            }
            return null;
        }
        Shard parsed;
        try {
            parsed = Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (runId == null || runId.isBlank()) {
            throw new UsageException("--shard " + shard
                    + " needs --run-id ID, the same on every shard (e.g. the CI run's id), so that jinfra report can"
                    + " tell this run's files from other runs'");
        }
        return parsed;
    }

    /**
     * Who this run is, for its JSON lines: call after {@link #select}.
     *
     * @param work what is run, in parts whose digest tells one run's work from another's
     */
    RunIdentity identity(String action, String what, List<String> work) {
        return RunIdentity.of(runId, action, what, work, shard(), targeted);
    }

    /** The hosts this run works on: the inventory's, after --limit, --retry and --shard. */
    List<Host> select(String spec, Console console) {
        return select(spec, console, List.of());
    }

    /**
     * The hosts of the inventory {@code spec} that the options select.
     *
     * @param deployDirs the deploy files' directories, as given: an Ansible inventory's {@code group_vars} and
     *     {@code host_vars} there apply over those beside the inventory, as Ansible's beside a playbook do
     */
    List<Host> select(String spec, Console console, List<Path> deployDirs) {
        shard();
        if (sshConfig != null) {
            // A missing ~/.ssh/config is normal; a file named on the command line that is not there is a typo,
            // which would otherwise be ignored in silence along with every setting the user meant it to give.
            Path file = console.cwd().resolve(sshConfig);
            if (!Files.isRegularFile(file)) {
                throw new UsageException(
                        "--ssh-config: " + (Files.exists(file) ? "not a file: " : "no such file: ") + sshConfig);
            }
            sshConfig = file;
        }
        var context = new AnsibleContext(deployDirs, vault.passwords(console, System.getenv()));
        // ansible.cfg's remote_user and the like under the inventory's own values, the command line's over all.
        Inventory inventory = InventoryLoader.load(spec, console.cwd(), context)
                .withDefaults(AnsibleConfig.of(console).hostDefaults())
                .withData(cliData());
        inventory.warnings().forEach(w -> console.err().println("jinfra: warning: " + w));
        whole = inventory;
        if (!limits.isEmpty()) {
            inventory = inventory.limit(limits, console.cwd());
        }
        if (retry != null) {
            if (!retry.equals("failed")) {
                throw new UsageException("--retry takes 'failed', not '" + retry + "'");
            }
            Path file = console.cwd().resolve(RetryFile.DEFAULT);
            if (!Files.isRegularFile(file)) {
                throw new UsageException("--retry failed: no earlier run recorded in " + RetryFile.DEFAULT);
            }
            if (!hasHostNames(file)) {
                throw new UsageException("--retry failed: every host succeeded in the last run; nothing to retry");
            }
            inventory = inventory.limit(List.of("@" + file), console.cwd());
        }
        selected = inventory;
        Shard part = shard();
        targeted = inventory.hosts().stream().map(Host::name).toList();
        return part == null
                ? inventory.hosts()
                : inventory.hosts().stream()
                        .filter(h -> part.contains(h.name()))
                        .toList();
    }

    /** The names of every host of the run, of all its shards: call after {@link #select}. */
    List<String> targeted() {
        return targeted;
    }

    /** The inventory {@link #select} read, before any host was left out; null before it is called. */
    Inventory inventory() {
        return whole;
    }

    /**
     * A problem with a host's data ({@code host web-1: ssh_port must be ...}), prefixed with the file and line
     * the value was written on when the inventory file has it.
     */
    String locate(Host host, String problem) {
        String prefix = "host " + host.name() + ": ";
        if (selected == null || !problem.startsWith(prefix)) {
            return problem;
        }
        String rest = problem.substring(prefix.length());
        int end = 0;
        while (end < rest.length() && (Character.isLetterOrDigit(rest.charAt(end)) || rest.charAt(end) == '_')) {
            end++;
        }
        return selected.where(host.name(), rest.substring(0, end))
                .map(where -> where + ": " + problem)
                .orElse(problem);
    }

    private static boolean hasHostNames(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .map(String::strip)
                    .anyMatch(l -> !l.isEmpty() && !l.startsWith("#"));
        } catch (java.io.IOException e) {
            throw new UsageException(
                    "--retry failed: cannot read " + file + ": " + dev.jinfra.problem.Problems.inWords(e));
        }
    }

    /** Targets per jump host connection, checked as a usage error. */
    int jumpTargetsPerConnection() {
        if (jumpTargets == null) {
            return dev.jinfra.connect.SshConnector.DEFAULT_JUMP_TARGETS;
        }
        if (jumpTargets < 1) {
            throw new UsageException("--jump-targets must be at least 1, not " + jumpTargets);
        }
        return jumpTargets;
    }

    Path sshConfigFile() {
        return sshConfig != null ? sshConfig : Path.of(System.getProperty("user.home"), ".ssh", "config");
    }
}
