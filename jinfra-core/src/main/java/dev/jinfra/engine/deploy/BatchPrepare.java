package dev.jinfra.engine.deploy;

import dev.jinfra.connect.Connection;
import dev.jinfra.connect.UnreachableException;
import dev.jinfra.deploy.Deploy;
import dev.jinfra.deploy.PrepareContext;
import dev.jinfra.deploy.Settings;
import dev.jinfra.engine.FailureTally;
import dev.jinfra.engine.RunControl;
import dev.jinfra.engine.SessionWindow;
import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.RunHosts;
import dev.jinfra.problem.Problems;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

/**
 * The prepare phase of a batch: per host, in parallel, open its session, run the deploy code, work out what it
 * would change, and give the session back. A host whose deploy code throws fails here; a host over the failure
 * budget, or after Ctrl-C, is not started.
 */
final class BatchPrepare {
    private final RunHosts runHosts;
    private final List<Deploy> deploys;
    private final DeployRunner.Options options;
    private final DeployListener listener;
    private final FailureTally tally;
    private final SessionWindow window;
    private final RunControl control;
    private final HostStates states;

    BatchPrepare(
            RunHosts runHosts,
            List<Deploy> deploys,
            DeployRunner.Options options,
            DeployListener listener,
            FailureTally tally,
            SessionWindow window,
            RunControl control,
            HostStates states) {
        this.runHosts = runHosts;
        this.deploys = deploys;
        this.options = options;
        this.listener = listener;
        this.tally = tally;
        this.window = window;
        this.control = control;
        this.states = states;
    }

    /**
     * Prepares {@code hosts}, at most {@code parallel} at once, filling in each reached host's facts, its
     * registered operations and (unless the run was stopped) its proposal.
     */
    void prepareAll(
            ExecutorService threads,
            int parallel,
            List<Host> hosts,
            Map<Host, HostFacts> facts,
            Map<Host, List<PrepareContext.Registered>> registered,
            Map<Host, List<Proposal.Entry>> proposals) {
        Semaphore gate = new Semaphore(Math.max(1, Math.min(parallel, hosts.size())));
        HostTasks.eachHost(threads, gate, hosts, host -> {
            String stop = tally.stopReason();
            if (stop != null) {
                // Over the failure budget already: this host is not started, as exec would not start it.
                states.notStarted(host, stop);
                return;
            }
            Connection c;
            listener.hostConnecting(host);
            try {
                c = window.acquire(host);
            } catch (SessionWindow.Stopped e) {
                states.notStarted(host, "interrupted");
                return;
            } catch (UnreachableException | RuntimeException e) {
                String why = Problems.inWords(e);
                states.leave(host, DeployHostState.UNREACHABLE, why);
                listener.unreachable(host, why);
                return;
            }
            var hostFacts = new HostFacts(
                    c, (fact, value) -> listener.factRead(host, fact, value), baseFactUser(host), baseTimeout(host));
            facts.put(host, hostFacts);
            listener.hostConnected(host);
            try {
                List<PrepareContext.Registered> regs =
                        DeployCode.prepare(host, runHosts, deploys, hostFacts, options.prepareTimeout(), control);
                registered.put(host, regs);
                if (!regs.isEmpty() && !control.isCancelled()) {
                    proposals.put(host, Proposer.proposeFor(host, regs, hostFacts, options));
                }
                if (regs.isEmpty()) {
                    window.finish(host);
                } else {
                    window.release(host);
                }
            } catch (DeployCode.Failed e) {
                if (e.interrupted) {
                    states.notStarted(host, "interrupted");
                } else {
                    states.leave(host, DeployHostState.FAILED, e.getMessage());
                }
                window.finish(host);
            } catch (HostFacts.Unreadable e) {
                // Its facts could not be read: the read timed out, or the connection was lost (also when Ctrl-C
                // closed it, which is no failure of the host's).
                if (control.isCancelled()) {
                    states.notStarted(host, "interrupted");
                } else {
                    states.leave(host, DeployHostState.FAILED, e.getMessage());
                }
                window.finish(host);
            } catch (RuntimeException e) {
                // Planning the proposal: an operation's own plan threw.
                states.leave(host, DeployHostState.FAILED, "deploy code failed: " + DeployCode.describe(e));
                window.finish(host);
            }
        });
    }

    /** The time limit of the commands jinfra runs on the host for itself (fact reads, the run lock): -t, host data. */
    private java.time.Duration baseTimeout(Host host) {
        try {
            return Settings.fromHostData(host).over(options.commandLine()).timeoutOrZero();
        } catch (RuntimeException e) {
            return options.commandLine().timeoutOrZero(); // bad host data: its operations fail with that message
        }
    }

    /** Deploy code reads facts as the command line and host data say commands run (their sudo, su or doas). */
    private FactUser baseFactUser(Host host) {
        try {
            return FactUser.of(Settings.fromHostData(host).over(options.commandLine()), options.sudoPassword());
        } catch (RuntimeException e) {
            return FactUser.LOGIN; // bad host data: its operations fail with that message
        }
    }
}
