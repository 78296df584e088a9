package dev.jinfra.deploy;

import dev.jinfra.ops.iptables.IptablesRule;

/**
 * The {@code iptables} operations, as deploy code calls them: {@code iptables.rule("INPUT", "ACCEPT")}. Other
 * arguments are given by name on the call returned ({@link OperationCall#arg}, {@link OperationCall#absent}), as the
 * reference lists them; {@code .ipv6(true)} works on ip6tables.
 */
public final class IptablesOperations {
    /**
     * A chain exists in an iptables (or ip6tables) table, a built-in one with the given policy, or a chain of the
     * user's is flushed and deleted.
     *
     * <p>{@code iptables.chain}: the chain exists in the filter table; {@code .policy("DROP")} for a built-in
     * one, {@code .absent()} removes a chain of the user's.
     *
     * @param chain the chain, e.g. INPUT or WEB
     */
    public IptablesChainCall chain(String chain) {
        return PrepareContext.register(IptablesChainCall::new).chain(chain);
    }

    /**
     * A rule is in an iptables (or ip6tables) chain, appended or inserted first, or is deleted; found among
     * iptables-save's rules, so never added twice.
     *
     * <p>{@code iptables.rule}: a rule in the filter table's {@code chain} jumping to {@code jump}; the matches by name,
     * e.g. {@code .protocol("tcp").destinationPort("22")}.
     *
     * @param chain the chain, e.g. INPUT
     * @param jump the target, e.g. ACCEPT
     */
    public IptablesRuleCall rule(String chain, String jump) {
        return PrepareContext.register(IptablesRuleCall::new).chain(chain).jump(jump);
    }

    /**
     * A rule is in an iptables (or ip6tables) chain, appended or inserted first, or is deleted; found among
     * iptables-save's rules, so never added twice.
     *
     * <p>{@code iptables.rule} with every argument in the record's order.
     *
     * @param rule the rule and where it should be
     */
    public IptablesRuleCall rule(IptablesRule rule) {
        return PrepareContext.register(rule, IptablesRuleCall::new);
    }
}
