package dev.jinfra.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One exec request on a fleet host: runs {@code /bin/sh -c COMMAND} as the current user with
 * {@code FLEET_HOST} and {@code HOME} set, pumping stdin, stdout and stderr, and applying the host's command
 * faults as they were when the command arrived.
 *
 * <p>The pipes to the process are pumped by platform threads from the fleet's shared pool. Virtual threads
 * would be cheaper, but a read from a process pipe pins a virtual thread's carrier, and with more pinned
 * carriers than the scheduler allows (256) a fleet running hundreds of {@code cat}s would starve the very
 * threads feeding their stdin. The runner only sleeps and waits, so it is virtual.
 */
final class FleetCommand implements Command {

    private static final int BUFFER_SIZE = 8192;
    private static final int COMMAND_NOT_RUN = 127;

    private final HostControl host;
    private final String commandLine;
    private final ShellLauncher launcher;
    private final ExecutorService pumps;
    private final AtomicBoolean dropped = new AtomicBoolean();
    private InputStream stdin;
    private OutputStream stdout;
    private OutputStream stderr;
    private ExitCallback exitCallback;
    private ChannelSession channel;
    private volatile boolean destroyed;
    private volatile Thread runner;
    private volatile Future<?> stdinFeeder;
    private volatile Process process;
    private boolean keepOpen;

    FleetCommand(HostControl host, String commandLine, ShellLauncher launcher, ExecutorService pumps) {
        this.host = host;
        this.commandLine = commandLine;
        this.launcher = launcher;
        this.pumps = pumps;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.stdin = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.stdout = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.stderr = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exitCallback = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        this.channel = channel;
        Set<Fault> faults = host.faults();
        if (faults.contains(Fault.HANG_COMMAND)) {
            // Never run, never exit: only the channel closing (destroy) ends this command, so nothing leaks.
            return;
        }
        Map<String, String> environment = new HashMap<>(env.getEnv());
        environment.put("FLEET_HOST", host.name());
        environment.put("HOME", host.home().toString());
        // The hosts share this machine's /run/lock: each locks jinfra runs out in its own home instead.
        environment.put("JINFRA_LOCK_DIR", host.home().toString());
        Optional<Duration> delay = host.commandDelay();
        boolean drop = faults.contains(Fault.DROP_MID_COMMAND);
        keepOpen = faults.contains(Fault.KEEP_OPEN_AFTER_EXIT);
        runner = Thread.ofVirtual().name("fleet-command-" + host.name()).start(() -> run(environment, delay, drop));
    }

    private void run(Map<String, String> environment, Optional<Duration> delay, boolean drop) {
        ShellLauncher.Launched launched = null;
        try {
            if (delay.isPresent()) {
                Thread.sleep(delay.get());
            }
            if (destroyed) {
                return;
            }
            launched = launcher.start(commandLine, environment, host.home());
            Process started = launched.process();
            process = started;
            if (destroyed) {
                return;
            }
            stdinFeeder = pumps.submit(() -> feedStdin(started));
            Future<?> errorPump = pumps.submit(() -> forwardQuietly(started.getErrorStream(), stderr, drop));
            Future<?> outputPump = pumps.submit(() -> {
                forward(started.getInputStream(), stdout, drop);
                return null;
            });
            awaitPump(outputPump);
            awaitPump(errorPump);
            int exitCode = started.waitFor();
            if (drop) {
                // The command printed nothing, so drop now: still before any exit status.
                drop();
            } else if (keepOpen) {
                sendExitStatusOnly(exitCode);
            } else if (!destroyed) {
                exitCallback.onExit(exitCode);
            }
        } catch (InterruptedException e) {
            // destroy() interrupted us: the channel is gone, there is nobody to report to.
        } catch (RejectedExecutionException e) {
            // The fleet is closing and has shut its pump pool down; the session goes with it.
        } catch (IOException | RuntimeException e) {
            // Whatever went wrong, the client hears of it: a command that ends without an exit status leaves the
            // client's channel open with nothing left to close it.
            if (!destroyed && !dropped.get()) {
                reportFailure(e);
            }
        } finally {
            Process started = process;
            if (started != null) {
                kill(started);
            }
            if (launched != null) {
                launched.cleanUp();
            }
        }
    }

    private static void awaitPump(Future<?> pump) throws IOException, InterruptedException {
        try {
            pump.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("output pump failed", e.getCause());
        }
    }

    private void forward(InputStream from, OutputStream to, boolean drop) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        int read;
        while ((read = from.read(buffer)) >= 0) {
            if (dropped.get()) {
                continue; // drain until the killed process closes the pipe
            }
            to.write(buffer, 0, read);
            to.flush();
            if (drop) {
                drop();
            }
        }
    }

    private void forwardQuietly(InputStream from, OutputStream to, boolean drop) {
        try {
            forward(from, to, drop);
        } catch (IOException e) {
            // The channel closed under us; the runner notices too and decides what to report.
        }
    }

    private void feedStdin(Process target) {
        byte[] buffer = new byte[BUFFER_SIZE];
        try (OutputStream to = target.getOutputStream()) {
            int read;
            while ((read = stdin.read(buffer)) >= 0) {
                to.write(buffer, 0, read);
                to.flush();
            }
        } catch (IOException e) {
            // The process stopped reading (exited) or the channel closed: either way stdin is done.
        }
    }

    /** Sends the exit status as the server's exit callback would, but neither EOF nor the channel's close. */
    private void sendExitStatusOnly(int exitCode) throws IOException {
        Buffer buffer = channel.getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, 32);
        buffer.putUInt(channel.getRecipient());
        buffer.putString("exit-status");
        buffer.putBoolean(false);
        buffer.putUInt(exitCode);
        channel.writePacket(buffer);
    }

    /** Closes the whole SSH session without an exit status, as a dropped connection would. */
    private void drop() {
        if (dropped.compareAndSet(false, true)) {
            Process started = process;
            if (started != null) {
                kill(started);
            }
            channel.getSession().close(false);
        }
    }

    private void reportFailure(Exception e) {
        try {
            stderr.write(
                    ("jinfra fleet: cannot run command: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
            stderr.flush();
        } catch (IOException ignored) {
            // The channel is gone too; the exit status below will fail the same way.
        }
        exitCallback.onExit(COMMAND_NOT_RUN, e.getMessage());
    }

    @Override
    public void destroy(ChannelSession channel) {
        destroyed = true;
        interrupt(runner);
        Future<?> feeder = stdinFeeder;
        if (feeder != null) {
            feeder.cancel(true);
        }
        Process started = process;
        if (started != null) {
            kill(started);
        }
    }

    private static void interrupt(Thread thread) {
        if (thread != null) {
            thread.interrupt();
        }
    }

    /**
     * Kills the shell and everything it started. Killing only the shell would leave, say, a {@code sleep}
     * holding the output pipe open, and the pumps blocked on it until the sleep ends.
     */
    private static void kill(Process shell) {
        if (shell.isAlive()) {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly();
        }
    }
}
