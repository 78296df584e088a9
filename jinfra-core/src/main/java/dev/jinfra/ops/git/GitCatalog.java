package dev.jinfra.ops.git;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The git operations and the facts they read, by name: to be merged into the main catalog. */
public final class GitCatalog {
    private GitCatalog() {}

    public static final Map<String, Class<? extends Record>> OPERATIONS;
    public static final Map<String, Class<? extends Record>> FACTS;

    static {
        Map<String, Class<? extends Record>> ops = new LinkedHashMap<>();
        ops.put("git.repo", Repo.class);
        ops.put("git.config", Config.class);
        OPERATIONS = Collections.unmodifiableMap(ops);

        Map<String, Class<? extends Record>> facts = new LinkedHashMap<>();
        facts.put("GitCheckout", GitCheckout.class);
        facts.put("GitConfig", GitConfig.class);
        facts.put("GitBranch", GitBranch.class);
        FACTS = Collections.unmodifiableMap(facts);
    }
}
