package dev.jinfra.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;

/**
 * What a typed call inherits from {@code OperationCall}, read from its source as it is compiled: the public
 * methods that return {@code OperationCall} (each overridden to return the typed call, so a chain keeps its type),
 * and every method name, which an argument's method must not take over.
 */
record CallSettings(List<Fluent> fluent, Set<String> taken) {

    /**
     * A chainable method of {@code OperationCall}; {@code setsArgument} names the operation argument it sets
     * ({@code mode(..)} sets {@code mode}), null for a setting of the call ({@code sudo()}).
     */
    record Fluent(String name, List<Parameter> parameters, boolean varargs, String setsArgument) {}

    record Parameter(String type, String name) {}

    static CallSettings of(TypeElement call, ProcessingEnvironment env) {
        List<Fluent> fluent = new ArrayList<>();
        Set<String> taken = new TreeSet<>();
        for (Element member : env.getElementUtils().getAllMembers(call)) {
            if (member.getKind() == ElementKind.METHOD && !member.getModifiers().contains(Modifier.PRIVATE)) {
                taken.add(member.getSimpleName().toString());
            }
        }
        for (Element member : call.getEnclosedElements()) {
            if (member.getKind() != ElementKind.METHOD
                    || !member.getModifiers().contains(Modifier.PUBLIC)
                    || member.getModifiers().contains(Modifier.STATIC)) {
                continue;
            }
            ExecutableElement method = (ExecutableElement) member;
            if (!env.getTypeUtils().isSameType(method.getReturnType(), call.asType())) {
                continue;
            }
            List<Parameter> parameters = new ArrayList<>();
            List<? extends VariableElement> given = method.getParameters();
            for (int i = 0; i < given.size(); i++) {
                VariableElement p = given.get(i);
                boolean last = i == given.size() - 1;
                String type = method.isVarArgs() && last
                        ? ((ArrayType) p.asType()).getComponentType() + "..."
                        : p.asType().toString();
                parameters.add(new Parameter(type, p.getSimpleName().toString()));
            }
            AnnotationMirror sets = OperationCallProcessor.annotation(method, OperationCallProcessor.SETS_ARGUMENT);
            fluent.add(new Fluent(
                    method.getSimpleName().toString(),
                    parameters,
                    method.isVarArgs(),
                    sets == null ? null : OperationCallProcessor.single(sets)));
        }
        return new CallSettings(List.copyOf(fluent), Set.copyOf(taken));
    }
}
