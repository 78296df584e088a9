package dev.jinfra.catalog;

import dev.jinfra.deploy.Operations;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The methods deploy code calls operations by: those of the families in {@link Operations} ({@code files},
 * {@code apt} ...), each named after the operation it registers. The reference shows them with their parameters,
 * which are named after the operation's arguments.
 */
public final class JavaMethods {
    private JavaMethods() {}

    /** Every family of deploy code: the static fields of {@link Operations} whose type is a family's class. */
    public static List<Field> families() {
        return Arrays.stream(Operations.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers())
                        && f.getType().getSimpleName().endsWith("Operations"))
                .toList();
    }

    /**
     * Every public method of a family class but the deprecated ones, in a stable order: by name, then fewest
     * parameters first, the one that takes the whole record last.
     */
    public static List<Method> of(Field family) {
        return Arrays.stream(family.getType().getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())
                        && !m.isSynthetic()
                        && !m.isAnnotationPresent(Deprecated.class))
                .sorted(Comparator.comparing(Method::getName)
                        .thenComparing(JavaMethods::takesTheRecord)
                        .thenComparingInt(Method::getParameterCount)
                        .thenComparing(m -> Arrays.toString(m.getParameterTypes())))
                .toList();
    }

    /** The methods that register operation {@code name} ({@code files.directory}); none for a fact's name. */
    public static List<Method> of(String name) {
        if (!name.contains(".")) {
            return List.of();
        }
        String family = name.substring(0, name.indexOf('.'));
        String operation = name.substring(name.indexOf('.') + 1);
        return families().stream()
                .filter(f -> f.getName().equals(family))
                .flatMap(f -> of(f).stream())
                .filter(m -> m.getName().equals(operation))
                .toList();
    }

    /**
     * A method as deploy code calls it, with its parameters' names: {@code files.directory(path, mode)},
     * {@code apt.packages(packages...)}; a parameter that is the whole record shows its arguments in order,
     * {@code apt.key(new AptKey(src, url, dest, sha256))}.
     */
    public static String call(String name, Method method) {
        String family = name.substring(0, name.indexOf('.'));
        Parameter[] parameters = method.getParameters();
        String params = java.util.stream.IntStream.range(0, parameters.length)
                .mapToObj(i -> parameter(parameters[i], method.isVarArgs() && i == parameters.length - 1))
                .collect(Collectors.joining(", "));
        return family + "." + method.getName() + "(" + params + ")";
    }

    private static boolean takesTheRecord(Method m) {
        return m.getParameterCount() == 1 && m.getParameterTypes()[0].isRecord();
    }

    private static String parameter(Parameter p, boolean varargs) {
        if (p.getType().isRecord()) {
            String components = Arrays.stream(p.getType().getRecordComponents())
                    .map(RecordComponent::getName)
                    .collect(Collectors.joining(", "));
            return "new " + p.getType().getSimpleName() + "(" + components + ")";
        }
        return p.getName() + (varargs ? "..." : "");
    }
}
