package dev.jinfra.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.deploy.Operations;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An operation has one name: {@code family.operation} on the command line, in fixtures and in the reference is
 * also how deploy code calls it ({@code dnf.packages(..)}), and it takes the operation's record with every
 * argument, as the reference lists them.
 */
class OneNameTest {
    @Test
    void everyOperationIsCalledInJavaByItsName() {
        List<String> missing = new ArrayList<>();
        Catalog.operationTypes().forEach((name, type) -> {
            String family = name.substring(0, name.indexOf('.'));
            String operation = name.substring(name.indexOf('.') + 1);
            Field door;
            try {
                door = Operations.class.getField(family);
            } catch (NoSuchFieldException e) {
                missing.add(name + ": deploy code has no " + family);
                return;
            }
            assertThat(Modifier.isStatic(door.getModifiers())).isTrue();
            List<Method> methods = Arrays.stream(door.getType().getMethods())
                    .filter(m -> m.getName().equals(operation))
                    .toList();
            if (methods.isEmpty()) {
                missing.add(name + ": " + door.getType().getSimpleName() + " has no " + operation + "(..)");
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void everyFamilyOfDeployCodeIsAFamilyOfTheCatalog() {
        List<String> families = Catalog.operationNames().stream()
                .map(n -> n.substring(0, n.indexOf('.')))
                .distinct()
                .toList();
        List<String> doors = Arrays.stream(Operations.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers())
                        && f.getType().getSimpleName().endsWith("Operations"))
                .map(Field::getName)
                .toList();
        assertThat(doors).containsExactlyInAnyOrderElementsOf(families);
    }
}
