package dev.jinfra.deploy.compile;

import java.lang.classfile.ClassElement;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.attribute.SourceFileAttribute;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sets the source file name recorded in class files, which is what stack traces print. Needed only when the
 * user's file name is not a Java identifier (javac was given a cleaned-up name, see
 * {@link PreparedSource#javaNameFor}); most files never come here.
 */
final class SourceFileNames {
    private SourceFileNames() {}

    static Map<String, byte[]> rename(Map<String, byte[]> classes, String fileName) {
        ClassFile classFile = ClassFile.of();
        ClassTransform transform = ClassTransform.dropping((ClassElement e) -> e instanceof SourceFileAttribute)
                .andThen(ClassTransform.endHandler(b -> b.with(SourceFileAttribute.of(fileName))));
        Map<String, byte[]> out = new LinkedHashMap<>();
        classes.forEach((name, bytes) -> out.put(name, classFile.transformClass(classFile.parse(bytes), transform)));
        return out;
    }
}
