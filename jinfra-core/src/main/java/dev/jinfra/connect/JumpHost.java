package dev.jinfra.connect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One hop of a ProxyJump, resolved through the ssh config as OpenSSH resolves each hop it opens: the name as
 * written is looked up for HostName, Port, User and IdentityFile; a user or port written in the ProxyJump
 * value wins over the config's.
 *
 * @param name     the hop as written in the ProxyJump value, without user and port
 * @param keyFiles the hop's IdentityFiles from the config (those that exist); without any, the target's key files
 * @param implicitKeys whether {@code keyFiles} are the default ~/.ssh/id_* files (see {@link SshSettings})
 */
public record JumpHost(String name, String address, int port, String user, List<Path> keyFiles, boolean implicitKeys) {
    // OpenSSH allows a chain through config ProxyJumps to grow without bound; a loop would never end.
    private static final int MAX_HOPS = 10;

    /**
     * The hops of {@code proxyJump} ({@code [user@]host[:port]} or {@code ssh://[user@]host[:port]},
     * comma-separated), first hop first. The first hop's own ProxyJump in the config is followed, as OpenSSH
     * does: it opens the first hop as a host of its own, with everything its config says.
     *
     * @throws IllegalArgumentException for a malformed hop or a chain longer than ten hops
     */
    static List<JumpHost> resolve(
            String proxyJump, SshConfigFile config, List<Path> targetKeys, boolean targetKeysImplicit) {
        List<JumpHost> hops = new ArrayList<>();
        String spec = proxyJump;
        while (spec != null && !spec.isBlank() && !spec.strip().equalsIgnoreCase("none")) {
            List<JumpHost> level = new ArrayList<>();
            for (String part : spec.split(",")) {
                level.add(one(part.strip(), config, targetKeys, targetKeysImplicit));
            }
            if (!hops.isEmpty() && level.size() == 1 && level.getFirst().sameHost(hops.getFirst())) {
                // A ProxyJump in a Host * block names the jump host for the jump host too: a host cannot be its
                // own jump host, so that one is direct (OpenSSH stops with "jumphost loop" instead).
                break;
            }
            hops.addAll(0, level);
            if (hops.size() > MAX_HOPS) {
                throw new IllegalArgumentException("ssh_proxy_jump: more than " + MAX_HOPS
                        + " jump hosts (does the ssh config's ProxyJump loop?)");
            }
            SshConfigFile.Entry first = config.lookup(level.getFirst().name());
            if (first.proxyCommand() != null) {
                // OpenSSH opens the first hop as a host of its own, through its ProxyCommand.
                throw SshConfigFile.proxyCommandRefused(first.proxyCommand());
            }
            spec = first.proxyJump();
        }
        return List.copyOf(hops);
    }

    private static JumpHost one(
            String written, SshConfigFile config, List<Path> targetKeys, boolean targetKeysImplicit) {
        String rest = written.startsWith("ssh://") ? written.substring("ssh://".length()) : written;
        String user = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            user = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        String host = rest;
        String port = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0 || (close + 1 < rest.length() && rest.charAt(close + 1) != ':')) {
                throw bad(written);
            }
            host = rest.substring(1, close);
            port = close + 1 < rest.length() ? rest.substring(close + 2) : null;
        } else if (rest.indexOf(':') >= 0 && rest.indexOf(':') == rest.lastIndexOf(':')) {
            // One colon separates a port; several make a bare IPv6 address, which has none.
            host = rest.substring(0, rest.indexOf(':'));
            port = rest.substring(rest.indexOf(':') + 1);
        }
        if (host.isEmpty() || (user != null && user.isEmpty()) || host.contains("/")) {
            throw bad(written);
        }
        SshConfigFile.Entry fromConfig = config.lookup(host);
        int portNumber = port != null ? port(port, written) : fromConfig.port() != null ? fromConfig.port() : 22;
        String login =
                user != null ? user : fromConfig.user() != null ? fromConfig.user() : System.getProperty("user.name");
        String address = fromConfig.hostName() != null ? fromConfig.hostName() : host;
        boolean own = !fromConfig.identityFiles().isEmpty();
        List<Path> keys = own ? config.identityFiles(fromConfig, host, address, login, portNumber) : targetKeys;
        return new JumpHost(host, address, portNumber, login, keys, !own && targetKeysImplicit);
    }

    private static int port(String text, String written) {
        try {
            int p = Integer.parseInt(text.strip());
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // Reported below with the whole hop.
        }
        throw new IllegalArgumentException("ssh_proxy_jump: bad port in '" + written + "'");
    }

    private static IllegalArgumentException bad(String written) {
        return new IllegalArgumentException("ssh_proxy_jump: '" + written + "' is not [user@]host[:port]");
    }

    private boolean sameHost(JumpHost other) {
        return address.equalsIgnoreCase(other.address) && port == other.port;
    }

    /** What known_hosts calls this hop: {@code addr} or {@code [addr]:port}. */
    String displayAddress() {
        return port == 22 ? address : "[" + address + "]:" + port;
    }

    /** The hop for messages: its name as written, and where it led when the config renamed it. */
    String describe() {
        return name.equals(address) ? displayAddress() : name + " (" + displayAddress() + ")";
    }
}
