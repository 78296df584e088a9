package dev.jinfra.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.UserAuthFactory;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.channel.ChannelSessionFactory;
import org.apache.sshd.server.forward.StaticDecisionForwardingFilter;
import org.apache.sshd.server.forward.TcpForwardingFilter;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * The one MINA SSH server behind a whole fleet. It listens on one port per host and tells hosts apart by the
 * local port a session arrived on. One server means one IO thread pool and one timer for the fleet, where a
 * server per host would cost a thread group per host: the difference between a handful of threads and
 * thousands for a 1000-host fleet.
 */
final class FleetServer {

    /** Exposes the acceptor, which SshServer keeps to itself, so more ports can be bound after start. */
    private static final class MultiPortSshServer extends SshServer {
        IoAcceptor acceptor() {
            return acceptor;
        }
    }

    private final MultiPortSshServer server;
    // Threads pumping process pipes, shared by all hosts and kept a while for the next command.
    private final ExecutorService pumps = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("fleet-pump-", 1).factory());
    private final Map<Integer, HostControl> hostsByPort;

    /**
     * @param hostsByPort filled in by the caller once ports are bound; sessions look their host up here
     */
    FleetServer(FleetSettings settings, FleetKeys keys, Map<Integer, HostControl> hostsByPort, Path scriptDir) {
        this.hostsByPort = hostsByPort;
        ShellLauncher launcher = new ShellLauncher(scriptDir);
        this.server = (MultiPortSshServer)
                ServerBuilder.builder().factory(MultiPortSshServer::new).build();
        server.setHost(settings.address());
        server.setPort(0);
        // MINA's default backlog is the JDK's 50: too few when a client opens hundreds of connections at once.
        CoreModuleProperties.SOCKET_BACKLOG.set(server, settings.backlog());
        // Ports are handed between the acceptor and HostPort's sockets; both sides need SO_REUSEADDR.
        CoreModuleProperties.SOCKET_REUSEADDR.set(server, true);
        // SSH sends small packets back to back (exit status, EOF, close); with Nagle's algorithm each waits for
        // a delayed ACK, which costs ~40 ms per command on loopback.
        CoreModuleProperties.TCP_NODELAY.set(server, true);
        CoreModuleProperties.IDLE_TIMEOUT.set(server, settings.idleTimeout());
        CoreModuleProperties.NIO_WORKERS.set(server, settings.ioThreads());
        // sntrup761 is MINA's first choice but costs ~50 ms per handshake in Java; without it clients settle on
        // mlkem768x25519, OpenSSH's own default, at a third of the cost. It matters when a client opens a
        // connection to each of a thousand hosts.
        server.setKeyExchangeFactories(server.getKeyExchangeFactories().stream()
                .filter(kex -> !kex.getName().startsWith("sntrup"))
                .toList());
        server.setKeyPairProvider(hostKeys(keys, settings.extraHostKeys()));
        configureAuthentication(settings, keys.clientKey().getPublic());
        server.setCommandFactory((channel, command) -> {
            HostControl host = hostOf(channel.getServerSession());
            if (host == null) {
                throw new IOException(
                        "no fleet host listens on " + channel.getServerSession().getLocalAddress());
            }
            host.recordCommand(command);
            return new FleetCommand(host, command, launcher, pumps);
        });
        server.setSubsystemFactories(List.of(sftp()));
        server.setChannelFactories(server.getChannelFactories().stream()
                .map(f -> ChannelSessionFactory.INSTANCE.getName().equals(f.getName()) ? sessionChannels() : f)
                .toList());
        // Like sshd, which allows TCP forwarding by default, so that a host can be a ProxyJump host; only to
        // loopback, where fleets listen, and never the other way round (no listening ports for clients).
        server.setForwardingFilter(new StaticDecisionForwardingFilter(false) {
            @Override
            public boolean canConnect(TcpForwardingFilter.Type type, SshdSocketAddress address, Session session) {
                return type == TcpForwardingFilter.Type.Direct && SshdSocketAddress.isLoopback(address.getHostName());
            }
        });
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                HostControl host = hostOf(session);
                if (host != null) {
                    host.recordSession();
                }
            }
        });
    }

    /** Starts the server on {@code count} fresh ports and returns their addresses in ascending port order. */
    List<InetSocketAddress> start(int count) throws IOException {
        server.start();
        IoAcceptor acceptor = server.acceptor();
        List<SocketAddress> more = new ArrayList<>(count - 1);
        for (int i = 1; i < count; i++) {
            more.add(new InetSocketAddress(server.getHost(), 0));
        }
        acceptor.bind(more);
        Set<SocketAddress> bound = new HashSet<>(acceptor.getBoundAddresses());
        return bound.stream()
                .map(InetSocketAddress.class::cast)
                .sorted((a, b) -> Integer.compare(a.getPort(), b.getPort()))
                .toList();
    }

    IoAcceptor acceptor() {
        return server.acceptor();
    }

    /** Ends every session that came in on {@code port} at once, as a host going down would. */
    void closeSessionsOf(int port) {
        for (var session : server.getActiveSessions()) {
            if (session.getLocalAddress() instanceof InetSocketAddress local && local.getPort() == port) {
                session.close(true);
            }
        }
    }

    /** Closes every session and listening port at once; nothing waits for clients. */
    void stop() throws IOException {
        try {
            server.stop(true);
        } finally {
            // Closing the sessions killed the commands, so their pumps are at EOF; interrupt any straggler.
            pumps.shutdownNow();
        }
    }

    private void configureAuthentication(FleetSettings settings, PublicKey clientKey) {
        List<UserAuthFactory> methods = new ArrayList<>();
        methods.add(UserAuthPublicKeyFactory.INSTANCE);
        server.setPublickeyAuthenticator((user, key, session) -> {
            HostControl host = hostOf(session);
            if (host != null) {
                host.recordKeyCheck();
            }
            return settings.acceptsUser(user) && !failsAuth(session) && KeyUtils.compareKeys(clientKey, key);
        });
        if (settings.password() != null) {
            methods.add(UserAuthPasswordFactory.INSTANCE);
            server.setPasswordAuthenticator((user, password, session) -> settings.acceptsUser(user)
                    && !failsAuth(session)
                    && settings.password().equals(password));
        }
        server.setKeyboardInteractiveAuthenticator(null);
        server.setUserAuthFactories(methods);
    }

    /** Session channels as MINA's, with the faults that touch a channel's open ({@link FleetChannel}). */
    private ChannelFactory sessionChannels() {
        return new ChannelFactory() {
            @Override
            public String getName() {
                return ChannelSessionFactory.INSTANCE.getName();
            }

            @Override
            public Channel createChannel(Session session) {
                return new FleetChannel(hostOf(session));
            }
        };
    }

    private boolean failsAuth(ServerSession session) {
        HostControl host = hostOf(session);
        return host == null || host.has(Fault.FAIL_AUTH);
    }

    /**
     * Serves the fleet's host key and any extra ones, or only the changed one to hosts with
     * {@link Fault#CHANGED_HOST_KEY}.
     */
    private KeyPairProvider hostKeys(FleetKeys keys, List<KeyPair> extra) {
        List<KeyPair> normal = new ArrayList<>();
        normal.add(keys.hostKey());
        normal.addAll(extra);
        return new KeyPairProvider() {
            @Override
            public Iterable<KeyPair> loadKeys(SessionContext session) {
                HostControl host = hostOf(session);
                boolean changed = host != null && host.has(Fault.CHANGED_HOST_KEY);
                return changed ? List.of(keys.changedHostKey()) : normal;
            }
        };
    }

    private HostControl hostOf(SessionContext context) {
        if (context instanceof Session session && session.getLocalAddress() instanceof InetSocketAddress local) {
            return hostsByPort.get(local.getPort());
        }
        return null;
    }

    /**
     * SFTP sees the real file system, like the commands do, but resolves relative paths against the host's
     * home directory, as sshd would; MINA would use the JVM's working directory, shared by every host.
     */
    private SftpSubsystemFactory sftp() {
        SftpSubsystemFactory factory = new SftpSubsystemFactory();
        factory.setFileSystemAccessor(new SftpFileSystemAccessor() {
            @Override
            public Path resolveLocalFilePath(SftpSubsystemProxy subsystem, Path rootDir, String remotePath)
                    throws IOException {
                HostControl host = hostOf(subsystem.getServerSession());
                Path base = host == null ? rootDir : Files.createDirectories(host.home());
                return SftpFileSystemAccessor.super.resolveLocalFilePath(subsystem, base, remotePath);
            }
        });
        return factory;
    }
}
