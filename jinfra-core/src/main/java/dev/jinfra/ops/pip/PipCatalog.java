package dev.jinfra.ops.pip;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The pip operations and the facts they read, by name: to be merged into the main catalog. */
public final class PipCatalog {
    private PipCatalog() {}

    public static final Map<String, Class<? extends Record>> OPERATIONS;
    public static final Map<String, Class<? extends Record>> FACTS;

    static {
        Map<String, Class<? extends Record>> ops = new LinkedHashMap<>();
        ops.put("pip.packages", Packages.class);
        ops.put("pip.venv", Venv.class);
        OPERATIONS = Collections.unmodifiableMap(ops);

        Map<String, Class<? extends Record>> facts = new LinkedHashMap<>();
        facts.put("PipPackages", PipPackages.class);
        facts.put("PythonVenv", PythonVenv.class);
        FACTS = Collections.unmodifiableMap(facts);
    }
}
