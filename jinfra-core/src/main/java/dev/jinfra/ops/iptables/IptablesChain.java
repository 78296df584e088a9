package dev.jinfra.ops.iptables;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code iptables.chain}: a chain exists in a table (made with {@code -N}), with a policy for a built-in chain, or a
 * chain of the user's is gone (flushed, then deleted). Live rules only: saving them for the next boot is the job of
 * the host's own service (netfilter-persistent, iptables-services).
 */
@Doc(
        name = "iptables.chain",
        value =
                "A chain exists in an iptables (or ip6tables) table, a built-in one with the given policy, or a chain of the user's is flushed and deleted.",
        example = "iptables.chain(\"INPUT\").policy(\"DROP\").sudo();")
public record IptablesChain(
        @Arg(value = "the chain, e.g. INPUT or WEB", required = true)
        String chain,

        @Arg(value = "the table", defaultValue = "filter") String table,
        @Arg("ip6tables (IPv6) instead of iptables") boolean ipv6,

        @Arg("the policy of a built-in chain: ACCEPT or DROP")
        String policy,

        @Arg(value = "whether the chain should exist", defaultValue = "true")
        boolean present)
        implements Operation {
    private static final String OP = "iptables.chain";
    private static final Set<String> POLICIES = Set.of("ACCEPT", "DROP");

    public IptablesChain {
        Netfilter.chain(OP, "chain", chain);
        table = table == null ? "filter" : table;
        Netfilter.table(OP, table);
        boolean builtin = Netfilter.BUILTIN_CHAINS.contains(chain);
        if (policy != null && !POLICIES.contains(policy)) {
            throw new IllegalArgumentException(OP + ": policy must be ACCEPT or DROP, not '" + policy + "'");
        }
        if (policy != null && !builtin) {
            throw new IllegalArgumentException(OP + ": only built-in chains have a policy, not " + chain);
        }
        if (!present && builtin) {
            throw new IllegalArgumentException(OP + ": the built-in chain " + chain + " cannot be removed");
        }
    }

    @Override
    public String describe() {
        return (present ? "Chain: " : "No chain: ") + chain + " (" + Netfilter.program(ipv6) + " " + table + ")";
    }

    @Override
    public Plan plan(FactSource facts) {
        IptablesRules.Value now = facts.get(new IptablesRules(table, ipv6));
        if (now == null) {
            throw new IllegalStateException(OP + ": cannot read the " + table + " table (" + Netfilter.program(ipv6)
                    + "-save; is it installed, and run as root?)");
        }
        String program = Netfilter.program(ipv6);
        boolean exists = now.chains().containsKey(chain);
        List<Command> commands = new ArrayList<>();
        if (present) {
            if (!exists && Netfilter.BUILTIN_CHAINS.contains(chain)) {
                throw new IllegalStateException(OP + ": the " + table + " table has no built-in chain " + chain);
            }
            if (!exists) {
                commands.add(Command.of(program, "-t", table, "-N", chain));
            }
            if (policy != null && !policy.equals(now.chains().get(chain))) {
                commands.add(Command.of(program, "-t", table, "-P", chain, policy));
            }
        } else if (exists) {
            // -X deletes only an empty chain.
            commands.add(Command.of(program, "-t", table, "-F", chain));
            commands.add(Command.of(program, "-t", table, "-X", chain));
        }
        if (commands.isEmpty()) {
            return Plan.noChange(
                    present
                            ? chain + " is in the " + table + " table"
                                    + (policy == null ? "" : " with policy " + policy)
                            : chain + " is not in the " + table + " table");
        }
        return Plan.run(commands);
    }
}
