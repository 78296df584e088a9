package dev.jinfra.deploy.compile;

import java.util.Map;

/**
 * Holds the classes of one deploy file. Each file gets its own loader, so two files may declare classes of
 * the same name (two compact {@code deploy.java} files both declare a class {@code deploy}). The parent is
 * jinfra's own loader, so deploys see exactly the jinfra classes the caller uses.
 */
final class DeployClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    DeployClassLoader(String displayName, Map<String, byte[]> classes, ClassLoader parent) {
        super("deploy " + displayName, parent);
        this.classes = Map.copyOf(classes);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    /** Loads a class of this deploy without initializing it: nothing of the user's runs until the deploy does. */
    Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name, false, this);
    }
}
