package dev.jinfra.cli;

import dev.jinfra.connect.ConnectionPolicy;
import dev.jinfra.connect.Connectors;
import dev.jinfra.connect.SshConfigFile;
import dev.jinfra.connect.SshConnector;
import dev.jinfra.engine.FleetRunner;
import dev.jinfra.engine.HostWork;
import dev.jinfra.engine.RunControl;
import dev.jinfra.engine.RunListener;
import dev.jinfra.engine.RunPolicy;
import dev.jinfra.engine.RunSummary;
import dev.jinfra.inventory.Host;
import java.util.List;

/**
 * The connectors and Ctrl-C handling around one run from the command line. The first Ctrl-C stops starting
 * hosts and closes open sessions, after which the report of what finished is still printed; a second one
 * leaves at once.
 */
final class FleetRun implements AutoCloseable {
    private final Console console;
    private final TargetOptions targets;
    private final Connectors connectors = new Connectors(this::makeSsh);
    private final RunControl control = new RunControl();

    FleetRun(TargetOptions targets, Console console) {
        this.console = console;
        this.targets = targets;
    }

    private SshConnector makeSsh() {
        var sshConfig =
                SshConfigFile.load(targets.sshConfigFile(), w -> console.err().println("jinfra: warning: " + w));
        return SshConnector.builder()
                .policy(ConnectionPolicy.defaults())
                .sshConfig(sshConfig)
                .passphrases(keyFile -> console.readSecret("passphrase for " + keyFile + ": "))
                .warnings(w -> console.err().println("jinfra: warning: " + w))
                .jumpTargetsPerConnection(targets.jumpTargetsPerConnection())
                .build();
    }

    /** How the run used jump hosts ({@code bastion (10.0.0.5): 199 targets over 2 connections}); empty if not. */
    List<String> jumpHostUsage() {
        SshConnector ssh = connectors.sshIfMade();
        return ssh == null ? List.of() : ssh.jumpHostUsage();
    }

    /** The jump hosts {@code host} is reached through, first hop first; empty when none or when not over SSH. */
    List<String> via(Host host) {
        try {
            return Connectors.overSsh(host) ? connectors.ssh().jumpHostsOf(host) : List.of();
        } catch (IllegalArgumentException e) {
            // Its settings are wrong: validate() reports that, and the host never connects.
            return List.of();
        }
    }

    /** Checks every host's target and connection settings before any host is touched. */
    void validate(List<Host> hosts) {
        for (Host h : hosts) {
            try {
                if (Connectors.overSsh(h)) {
                    connectors.ssh().settings(h);
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException(targets.locate(h, e.getMessage()));
            }
        }
    }

    /** The connector for a host, by the kind of its target: SSH, local, a container or a chroot. */
    dev.jinfra.connect.Connector connectorFor(Host host) {
        return connectors.forHost(host);
    }

    RunSummary execute(List<Host> hosts, HostWork work, RunPolicy policy, RunListener listener) {
        var runner = new FleetRunner(this::connectorFor);
        return interruptible(() -> runner.run(hosts, work, policy, listener, control));
    }

    /** Stops the run from outside: Ctrl-C goes here, for exec, facts and deploys alike. */
    RunControl control() {
        return control;
    }

    /**
     * Ctrl-C stops the run (a second one quits at once) while {@code body} runs; then the handler is removed.
     */
    <T> T interruptible(java.util.function.Supplier<T> body) {
        InterruptHandler.install(() -> {
            console.err().println();
            console.err().println("jinfra: interrupted: stopping; press Ctrl-C again to quit at once");
            control.cancel();
        });
        try {
            return body.get();
        } finally {
            InterruptHandler.uninstall();
        }
    }

    @Override
    public void close() {
        connectors.close();
    }
}
