package dev.jinfra.codegen;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Writes a typed call for every operation record: for {@code @Doc(name = "files.directory")} on
 * {@code dev.jinfra.ops.files.Directory}, the class {@code dev.jinfra.deploy.FilesDirectoryCall} with one method
 * per argument ({@code recursive(boolean)}), documented from the record's {@code @Arg}s. It reads everything
 * from the records and from {@code OperationCall} itself, so a new operation, argument or setting needs no change
 * here.
 *
 * <p>The processor names jinfra's types by their names only: it is built before jinfra-core and must not
 * depend on it.
 */
@SupportedAnnotationTypes(OperationCallProcessor.DOC)
public final class OperationCallProcessor extends AbstractProcessor {
    static final String DOC = "dev.jinfra.api.Doc";
    static final String ARG = "dev.jinfra.api.Arg";
    static final String OPERATION = "dev.jinfra.api.Operation";
    static final String CALL = "dev.jinfra.deploy.OperationCall";
    static final String SETS_ARGUMENT = "dev.jinfra.deploy.SetsArgument";

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement doc = processingEnv.getElementUtils().getTypeElement(DOC);
        TypeElement call = processingEnv.getElementUtils().getTypeElement(CALL);
        TypeElement operation = processingEnv.getElementUtils().getTypeElement(OPERATION);
        if (annotations.isEmpty() || doc == null || call == null || operation == null) {
            // Not jinfra-core's main sources (its tests, say): there is no OperationCall to extend.
            return false;
        }
        CallSettings settings = CallSettings.of(call, processingEnv);
        for (Element element : round.getElementsAnnotatedWith(doc)) {
            if (element.getKind() != ElementKind.RECORD
                    || !processingEnv
                            .getTypeUtils()
                            .isAssignable(
                                    element.asType(),
                                    processingEnv.getTypeUtils().erasure(operation.asType()))) {
                continue; // a fact
            }
            TypeElement record = (TypeElement) element;
            Map<String, Object> values = values(annotation(record, DOC));
            String name = (String) values.get("name");
            if (name == null || !name.contains(".")) {
                // The catalog names the mistake when it loads; a typed call needs the family.
                continue;
            }
            OperationRecord op = new OperationRecord(
                    name,
                    record.getQualifiedName().toString(),
                    (String) values.get("value"),
                    (String) values.get("example"),
                    arguments(record));
            write(op, new CallSource(op, settings).text(), record);
        }
        return false;
    }

    private List<OperationRecord.Argument> arguments(TypeElement record) {
        List<OperationRecord.Argument> out = new ArrayList<>();
        for (RecordComponentElement c : record.getRecordComponents()) {
            AnnotationMirror arg = annotation(c, ARG);
            Map<String, Object> values = arg == null ? Map.of() : values(arg);
            out.add(new OperationRecord.Argument(
                    c.getSimpleName().toString(),
                    c.asType(),
                    (String) values.getOrDefault("value", ""),
                    (String) values.getOrDefault("defaultValue", ""),
                    Boolean.TRUE.equals(values.get("required"))));
        }
        return out;
    }

    private void write(OperationRecord op, String text, TypeElement origin) {
        String type = CallSource.PACKAGE + "." + op.callClassName();
        try (Writer out =
                processingEnv.getFiler().createSourceFile(type, origin).openWriter()) {
            out.write(text);
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + type + ": " + e, origin);
        }
    }

    static AnnotationMirror annotation(Element element, String type) {
        for (AnnotationMirror m : element.getAnnotationMirrors()) {
            if (((TypeElement) m.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(type)) {
                return m;
            }
        }
        return null;
    }

    /** An annotation's values by name, defaults included; arrays are left out (no generated text needs them). */
    Map<String, Object> values(AnnotationMirror mirror) {
        Map<String, Object> out = new LinkedHashMap<>();
        processingEnv.getElementUtils().getElementValuesWithDefaults(mirror).forEach((k, v) -> {
            Object value = v.getValue();
            if (!(value instanceof List<?>)) {
                out.put(k.getSimpleName().toString(), value);
            }
        });
        return out;
    }

    /** The single value of an annotation such as {@code @SetsArgument("mode")}. */
    static String single(AnnotationMirror mirror) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
                mirror.getElementValues().entrySet()) {
            return String.valueOf(e.getValue().getValue());
        }
        return "";
    }
}
