package dev.jinfra.deploy.compile;

import dev.jinfra.deploy.Deploy;
import dev.jinfra.inventory.Host;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds which compiled class a deploy file's entry point is. */
final class EntryPoint {
    private EntryPoint() {}

    /**
     * The entry class's binary name, or an explanation of why there is none.
     *
     * <p>A compact file's entry is its own class, which must declare {@code deploy(Host)}. Otherwise it is
     * the class implementing {@link Deploy}: a top-level one before a nested one, and among several the one
     * named after the file.
     */
    static Found find(PreparedSource source, DeployClassLoader loader, Iterable<String> classNames)
            throws ClassNotFoundException {
        if (source.compact()) {
            Class<?> implicit = loader.load(source.className());
            return deployMethod(implicit).isPresent()
                    ? new Found(implicit.getName(), null)
                    : new Found(
                            null, "no deploy method: a compact deploy file declares void deploy(Host host) { ... }");
        }
        List<Class<?>> topLevel = new ArrayList<>();
        List<Class<?>> nested = new ArrayList<>();
        for (String name : classNames) {
            Class<?> c = loader.load(name);
            if (isDeployClass(c)) {
                (c.getEnclosingClass() == null ? topLevel : nested).add(c);
            }
        }
        List<Class<?>> candidates = topLevel.isEmpty() ? nested : topLevel;
        if (candidates.size() == 1) {
            return new Found(candidates.getFirst().getName(), null);
        }
        if (candidates.isEmpty()) {
            return new Found(
                    null,
                    "no deploy found: write void deploy(Host host) { ... } or a class that "
                            + "implements Deploy with a no-argument constructor");
        }
        for (Class<?> c : candidates) {
            if ((c.getSimpleName() + ".java").equals(source.javaName())) {
                return new Found(c.getName(), null);
            }
        }
        return new Found(
                null,
                "more than one class implements Deploy ("
                        + String.join(
                                ", ", candidates.stream().map(Class::getName).toList())
                        + "): keep one, or name the file after the one to run");
    }

    /** The entry class, or the reason there isn't one. */
    record Found(String className, String problem) {}

    /** A concrete class implementing Deploy that jinfra can create: not inner, not local, with a no-arg constructor. */
    private static boolean isDeployClass(Class<?> c) {
        if (!Deploy.class.isAssignableFrom(c)
                || c.isInterface()
                || Modifier.isAbstract(c.getModifiers())
                || c.isAnonymousClass()
                || c.isLocalClass()
                || (c.isMemberClass() && !Modifier.isStatic(c.getModifiers()))) {
            return false;
        }
        try {
            c.getDeclaredConstructor();
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** A compact file's {@code void deploy(Host)} method. */
    static Optional<Method> deployMethod(Class<?> c) {
        try {
            Method m = c.getDeclaredMethod("deploy", Host.class);
            return m.getReturnType() == void.class ? Optional.of(m) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }
}
