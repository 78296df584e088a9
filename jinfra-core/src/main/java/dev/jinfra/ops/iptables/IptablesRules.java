package dev.jinfra.ops.iptables;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.Fact;
import dev.jinfra.command.Command;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table's chains and rules as {@code iptables-save} (or {@code ip6tables-save}) prints them: the form the
 * kernel gives back, whatever form the rules were added in. Null when the program cannot be run (not installed, or
 * not root).
 */
@Doc(value = "A netfilter table's chains (with their policies) and rules, from iptables-save or ip6tables-save.")
public record IptablesRules(
        @Arg(value = "the table", defaultValue = "filter") String table,
        @Arg("read ip6tables (IPv6) instead of iptables") boolean ipv6)
        implements Fact<IptablesRules.Value> {

    /**
     * @param chains every chain by name, with its policy (ACCEPT, DROP) or "-" for a chain of the user's
     * @param rules  the rules in order, each as iptables-save writes it: {@code -A INPUT -p tcp -m tcp --dport 22 -j ACCEPT}
     */
    public record Value(Map<String, String> chains, List<String> rules) {
        public Value {
            chains = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(chains));
            rules = List.copyOf(rules);
        }
    }

    public IptablesRules {
        table = table == null ? "filter" : table;
        Netfilter.table("IptablesRules", table);
    }

    @Override
    public Command command() {
        return Command.of(Netfilter.program(ipv6) + "-save", "-t", table);
    }

    @Override
    public Value parse(String stdout) {
        Map<String, String> chains = new LinkedHashMap<>();
        List<String> rules = new ArrayList<>();
        for (String raw : stdout.split("\n")) {
            String line = raw.strip();
            if (line.startsWith(":")) {
                // ":INPUT ACCEPT [0:0]": the name, the policy, then counters.
                String[] f = line.substring(1).split("\\s+");
                chains.put(f[0], f.length > 1 ? f[1] : "-");
            } else if (line.startsWith("-A ")) {
                rules.add(line);
            }
            // "*filter", "COMMIT" and "#" comments (iptables-nft's warnings among them) say nothing of rules.
        }
        return new Value(chains, rules);
    }

    @Override
    public Value absent() {
        return null;
    }
}
