package dev.jinfra.ops.iptables;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code iptables.rule}: a rule is in a chain, or is not, as {@code iptables -C} would tell: the rule is written in
 * the form iptables-save prints (addresses with their prefix length, the protocol's match module named, options in
 * the kernel's order) and looked up among the table's rules, so a rule jinfra added is found again and never added
 * twice. A rule added by hand with its matches in another order is not recognised as the same. Live rules only, as
 * {@code iptables.chain}.
 */
@Doc(
        name = "iptables.rule",
        value =
                "A rule is in an iptables (or ip6tables) chain, appended or inserted first, or is deleted; found among iptables-save's rules, so never added twice.",
        example = "iptables.rule(\"INPUT\", \"ACCEPT\").protocol(\"tcp\").destinationPort(\"22\").sudo();")
public record IptablesRule(
        @Arg(value = "the chain, e.g. INPUT", required = true)
        String chain,

        @Arg(
                value = "the target: ACCEPT, DROP, REJECT, RETURN, LOG, MASQUERADE, DNAT, SNAT, REDIRECT or a chain",
                required = true)
        String jump,

        @Arg(value = "the table", defaultValue = "filter") String table,
        @Arg("ip6tables (IPv6) instead of iptables") boolean ipv6,

        @Arg(value = "whether the rule should be in the chain", defaultValue = "true")
        boolean present,

        @Arg(value = "add it at the end of the chain; false puts it first", defaultValue = "true")
        boolean append,

        @Arg("protocol: tcp, udp, icmp, ...") String protocol,
        @Arg("source address or network, e.g. 10.0.0.0/8") String source,
        @Arg("destination address or network") String destination,
        @Arg("interface packets come in on, e.g. eth0") String inInterface,
        @Arg("interface packets go out on") String outInterface,

        @Arg("source port or range such as 1024:65535 (needs protocol)")
        String sourcePort,

        @Arg("destination port or range (needs protocol)") String destinationPort,

        @Arg("connection states, e.g. RELATED and ESTABLISHED (conntrack)")
        List<String> ctstate,

        @Arg("REJECT's answer; default icmp-port-unreachable (icmp6-port-unreachable for IPv6)")
        String rejectWith,

        @Arg("DNAT's new destination, e.g. 10.0.0.5:8080") String toDestination,
        @Arg("SNAT's new source, e.g. 192.0.2.1") String toSource,
        @Arg("REDIRECT's or MASQUERADE's ports, e.g. 8080") String toPorts)
        implements Operation {
    private static final String OP = "iptables.rule";
    private static final Pattern PROTOCOL = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern PORTS = Pattern.compile("\\d{1,5}(:\\d{1,5})?");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_\\[][A-Za-z0-9_.:/\\[\\]-]*");
    private static final Set<String> PORT_PROTOCOLS = Set.of("tcp", "udp", "sctp", "dccp", "udplite");
    // The order in which iptables-save prints a conntrack state list, whatever order it was given in.
    private static final List<String> CTSTATES =
            List.of("INVALID", "NEW", "RELATED", "ESTABLISHED", "UNTRACKED", "SNAT", "DNAT");

    public IptablesRule {
        Netfilter.chain(OP, "chain", chain);
        Netfilter.chain(OP, "target", jump);
        table = table == null ? "filter" : table;
        Netfilter.table(OP, table);
        protocol = protocol == null ? null : protocol.toLowerCase(Locale.ROOT);
        if (protocol != null && !PROTOCOL.matcher(protocol).matches()) {
            throw new IllegalArgumentException(OP + ": '" + protocol + "' is not a protocol name such as tcp");
        }
        // As iptables-save prints them: "all" not at all, ICMPv6 by its name in /etc/protocols.
        if ("all".equals(protocol)) {
            protocol = null;
        } else if (ipv6 && ("icmpv6".equals(protocol) || "icmp6".equals(protocol))) {
            protocol = "ipv6-icmp";
        }
        source = Netfilter.address(OP, "source", source, ipv6);
        destination = Netfilter.address(OP, "destination", destination, ipv6);
        Netfilter.iface(OP, "inInterface", inInterface);
        Netfilter.iface(OP, "outInterface", outInterface);
        for (String ports : new String[] {sourcePort, destinationPort, toPorts}) {
            if (ports != null && !PORTS.matcher(ports).matches()) {
                throw new IllegalArgumentException(OP + ": '" + ports + "' is not a port or range like 1024:65535");
            }
        }
        if ((sourcePort != null || destinationPort != null)
                && (protocol == null || !PORT_PROTOCOLS.contains(protocol))) {
            throw new IllegalArgumentException(OP + ": ports need protocol tcp, udp, sctp, dccp or udplite");
        }
        ctstate = ctstate == null ? List.of() : ctstate;
        for (String state : ctstate) {
            if (state == null || !CTSTATES.contains(state)) {
                throw new IllegalArgumentException(
                        OP + ": '" + state + "' is not a connection state; one of " + CTSTATES);
            }
        }
        for (String value : new String[] {rejectWith, toDestination, toSource}) {
            if (value != null && !WORD.matcher(value).matches()) {
                throw new IllegalArgumentException(OP + ": '" + value + "' is not a valid target option");
            }
        }
        if (rejectWith != null && !jump.equals("REJECT")) {
            throw new IllegalArgumentException(OP + ": rejectWith is for the REJECT target");
        }
    }

    @Override
    public String describe() {
        return (present ? "Rule: " : "No rule: ") + Netfilter.program(ipv6) + " -t " + table + " "
                + String.join(" ", spec());
    }

    @Override
    public Plan plan(FactSource facts) {
        IptablesRules.Value now = facts.get(new IptablesRules(table, ipv6));
        if (now == null) {
            throw new IllegalStateException(OP + ": cannot read the " + table + " table (" + Netfilter.program(ipv6)
                    + "-save; is it installed, and run as root?)");
        }
        if (!now.chains().containsKey(chain)) {
            if (!present) {
                return Plan.noChange("no chain " + chain + " in the " + table + " table");
            }
            throw new IllegalStateException(
                    OP + ": the " + table + " table has no chain " + chain + " (iptables.chain makes one)");
        }
        List<String> spec = spec();
        boolean there = now.rules().contains(String.join(" ", spec));
        if (there == present) {
            return Plan.noChange(present ? "the rule is in " + chain : "the rule is not in " + chain);
        }
        List<String> words = new ArrayList<>(List.of(Netfilter.program(ipv6), "-t", table));
        words.add(!present ? "-D" : append ? "-A" : "-I");
        words.addAll(spec.subList(1, spec.size()));
        return Plan.run(Command.of(words));
    }

    /** The rule as iptables-save prints it: {@code -A CHAIN} and the options in the order the kernel keeps them. */
    List<String> spec() {
        List<String> w = new ArrayList<>(List.of("-A", chain));
        add(w, "-s", source);
        add(w, "-d", destination);
        add(w, "-i", inInterface);
        add(w, "-o", outInterface);
        add(w, "-p", protocol);
        if (sourcePort != null || destinationPort != null) {
            // iptables loads the protocol's own match module for its ports, and iptables-save names it.
            w.addAll(List.of("-m", protocol));
            add(w, "--sport", sourcePort);
            add(w, "--dport", destinationPort);
        }
        if (!ctstate.isEmpty()) {
            List<String> states = CTSTATES.stream().filter(ctstate::contains).toList();
            w.addAll(List.of("-m", "conntrack", "--ctstate", String.join(",", states)));
        }
        w.addAll(List.of("-j", jump));
        if (jump.equals("REJECT")) {
            // iptables-save always prints the answer, the default one too.
            w.addAll(List.of(
                    "--reject-with",
                    rejectWith != null ? rejectWith : ipv6 ? "icmp6-port-unreachable" : "icmp-port-unreachable"));
        }
        add(w, "--to-destination", toDestination);
        add(w, "--to-source", toSource);
        add(w, "--to-ports", toPorts);
        return w;
    }

    private static void add(List<String> words, String option, String value) {
        if (value != null) {
            words.add(option);
            words.add(value);
        }
    }
}
