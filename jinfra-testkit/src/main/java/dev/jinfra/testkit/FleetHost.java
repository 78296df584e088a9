package dev.jinfra.testkit;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One host of a started {@link SshFleet}: where it listens and which host key it normally serves, plus its
 * {@link HostControl} for faults and recorded activity. The methods below delegate to the control, so tests can
 * write {@code fleet.host("web-003").fault(Fault.HANG_COMMAND)}.
 *
 * @param name               the host's name in the inventory, like {@code web-001}
 * @param address            the IP address it listens on (always loopback)
 * @param port               its TCP port
 * @param hostKeyFingerprint SHA256 fingerprint of the host key it serves unless {@link Fault#CHANGED_HOST_KEY} is set
 * @param control            its faults and history (mutable, shared with the running server)
 */
public record FleetHost(String name, String address, int port, String hostKeyFingerprint, HostControl control) {

    public FleetHost fault(Fault fault) {
        control.fault(fault);
        return this;
    }

    public FleetHost clearFault(Fault fault) {
        control.clearFault(fault);
        return this;
    }

    /** Drops every session and refuses connections for {@code down}, as a machine that reboots. */
    public FleetHost reboot(java.time.Duration down) {
        control.reboot(down);
        return this;
    }

    public FleetHost clearFaults() {
        control.clearFaults();
        return this;
    }

    public Set<Fault> faults() {
        return control.faults();
    }

    /** The command strings this host received, in order of arrival. */
    public List<String> commands() {
        return control.commands();
    }

    /** How many SSH sessions this host has opened. */
    public int sessionsOpened() {
        return control.sessionsOpened();
    }

    /** How many times a public key was looked up to authenticate on this host (see {@link HostControl#keyChecks}). */
    public int keyChecks() {
        return control.keyChecks();
    }

    /** How many channels this host refused to open (see {@link HostControl#channelsRefused}). */
    public int channelsRefused() {
        return control.channelsRefused();
    }

    public void clearHistory() {
        control.clearHistory();
    }

    /** The directory commands run in and {@code HOME} points to. */
    public Path home() {
        return control.home();
    }

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    /** The host as known_hosts names it: {@code [127.0.0.1]:PORT}. */
    public String knownHostsName() {
        return "[" + address + "]:" + port;
    }
}
