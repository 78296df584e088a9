package dev.jinfra.deploy.compile;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LineNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds calls that would end the whole controller from deploy code: {@code System.exit}, {@code Runtime.exit} and
 * {@code Runtime.halt}. A deploy runs inside jinfra for every host at once; one of these would end the run for
 * every host, before the summary and the retry file are written, with an exit code that says nothing. The JDK no
 * longer lets a program forbid them at run time, so they are refused in the compiled classes, by line.
 */
final class ExitCalls {
    private ExitCalls() {}

    /** The source lines (of the deploy file) with such a call, each with what is called, in line order. */
    static List<String> in(Map<String, byte[]> classes, String displayName) {
        TreeSet<Integer> lines = new TreeSet<>();
        Map<Integer, String> called = new java.util.HashMap<>();
        for (byte[] bytes : classes.values()) {
            ClassModel model = ClassFile.of().parse(bytes);
            for (MethodModel method : model.methods()) {
                method.code().ifPresent(code -> {
                    int line = 0;
                    for (CodeElement e : code) {
                        if (e instanceof LineNumber n) {
                            line = n.line();
                        } else if (e instanceof InvokeInstruction call && endsTheProcess(call)) {
                            lines.add(line);
                            called.putIfAbsent(
                                    line, simpleOwner(call) + "." + call.name().stringValue());
                        }
                    }
                });
            }
        }
        List<String> errors = new ArrayList<>();
        for (int line : lines) {
            errors.add(displayName + (line > 0 ? ":" + line : "") + ": error: " + called.get(line)
                    + " would end jinfra itself, for every host, before the summary: a deploy cannot stop the"
                    + " controller (throw an exception to fail this host instead)");
        }
        return errors;
    }

    private static boolean endsTheProcess(InvokeInstruction call) {
        String owner = call.owner().asInternalName();
        String name = call.name().stringValue();
        return (owner.equals("java/lang/System") && name.equals("exit"))
                || (owner.equals("java/lang/Runtime") && (name.equals("exit") || name.equals("halt")));
    }

    private static String simpleOwner(InvokeInstruction call) {
        String owner = call.owner().asInternalName();
        return owner.substring(owner.lastIndexOf('/') + 1);
    }
}
