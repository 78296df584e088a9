package dev.jinfra.deploy.compile;

import java.util.Map;

/**
 * A compiled deploy file: its class files and which class is the entry point. This is what the cache
 * stores, so loading from the cache needs neither javac nor a second look at the classes.
 *
 * @param compact    whether the entry is a compact file's class (with a {@code deploy(Host)} method) rather
 *                   than a class implementing {@code Deploy}
 * @param entryClass binary name of the entry class
 * @param classes    class files by binary name
 */
record CompiledDeploy(boolean compact, String entryClass, Map<String, byte[]> classes) {
    CompiledDeploy {
        classes = Map.copyOf(classes);
    }
}
