package dev.jinfra.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.deploy.Operations;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An operation has one name: {@code family.operation} on the command line, in fixtures and in the reference is
 * also how deploy code calls it ({@code dnf.packages(..)}), and no other name calls it in Java. The methods'
 * parameters are named after the operation's arguments, so the reference's Java forms and tables agree.
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

    @Test
    void everyPublicMethodOfAFamilyIsNamedAfterAnOperation() {
        List<String> others = new ArrayList<>();
        for (Field family : JavaMethods.families()) {
            for (Method m : JavaMethods.of(family)) {
                String name = family.getName() + "." + m.getName();
                if (!Catalog.operationNames().contains(name)) {
                    others.add(name + " (" + family.getType().getSimpleName() + ")");
                }
            }
        }
        assertThat(others)
                .as("one name per operation: give the other arguments by name on the call, e.g. .absent()")
                .isEmpty();
    }

    @Test
    void everyParameterOfAFamilyMethodIsNamedAfterAnArgumentOfItsOperation() {
        List<String> unnamed = new ArrayList<>();
        Catalog.operationTypes().forEach((name, type) -> {
            List<String> arguments = Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getName)
                    .toList();
            for (Method m : JavaMethods.of(name)) {
                for (Parameter p : m.getParameters()) {
                    if (p.getType() != type && !arguments.contains(p.getName())) {
                        unnamed.add(JavaMethods.call(name, m) + ": " + p.getName());
                    }
                }
            }
        });
        assertThat(unnamed).isEmpty();
    }
}
