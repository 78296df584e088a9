package dev.jinfra.deploy.compile;

import dev.jinfra.deploy.Deploy;
import dev.jinfra.inventory.Host;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.UndeclaredThrowableException;

/**
 * Runs a compiled deploy file's entry class as a {@link Deploy}.
 *
 * <p>Every call creates a new instance: a deploy runs once per host, possibly for many hosts at once, so
 * fields the file declares (a compact file's reusable pieces) must not carry state from one host to the next.
 *
 * <p>A compact file's class can't implement {@code Deploy} and its constructor isn't public, so both the
 * constructor and {@code deploy(Host)} are made accessible and called through method handles, which pass
 * the deploy's own exceptions through unwrapped (reflection would wrap them).
 */
final class ReflectiveDeploy implements Deploy {
    private final String displayName;
    private final MethodHandle create;
    private final MethodHandle deployMethod; // null when the class implements Deploy itself
    private final boolean staticMethod;

    private ReflectiveDeploy(String displayName, MethodHandle create, MethodHandle deployMethod, boolean staticMethod) {
        this.displayName = displayName;
        this.create = create;
        this.deployMethod = deployMethod;
        this.staticMethod = staticMethod;
    }

    static ReflectiveDeploy of(String displayName, CompiledDeploy compiled, DeployClassLoader loader)
            throws ReflectiveOperationException {
        Class<?> entry = loader.load(compiled.entryClass());
        Constructor<?> constructor = entry.getDeclaredConstructor();
        constructor.setAccessible(true);
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodHandle create = lookup.unreflectConstructor(constructor);
        if (!compiled.compact()) {
            return new ReflectiveDeploy(displayName, create, null, false);
        }
        Method method = EntryPoint.deployMethod(entry)
                .orElseThrow(() -> new NoSuchMethodException(entry.getName() + ".deploy(Host)"));
        method.setAccessible(true);
        return new ReflectiveDeploy(
                displayName, create, lookup.unreflect(method), Modifier.isStatic(method.getModifiers()));
    }

    @Override
    public void deploy(Host host) {
        try {
            if (deployMethod == null) {
                ((Deploy) create.invoke()).deploy(host);
            } else if (staticMethod) {
                deployMethod.invoke(host);
            } else {
                deployMethod.invoke(create.invoke(), host);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            // A deploy method may declare checked exceptions; keep the original as the cause.
            throw new UndeclaredThrowableException(checked, displayName + ": " + checked);
        }
    }

    /** The deploy file's class this runs. */
    Class<?> entryClass() {
        return create.type().returnType();
    }

    @Override
    public String toString() {
        return "deploy " + displayName;
    }
}
