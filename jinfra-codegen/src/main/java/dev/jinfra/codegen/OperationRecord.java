package dev.jinfra.codegen;

import java.util.List;
import java.util.Locale;
import javax.lang.model.type.TypeMirror;

/** What the processor reads of one operation record: its {@code @Doc} and, per component, its {@code @Arg}. */
record OperationRecord(String name, String recordType, String summary, String example, List<Argument> arguments) {

    /** One record component: the argument of that name. */
    record Argument(String name, TypeMirror type, String text, String defaultValue, boolean required) {}

    /**
     * The typed call's simple name: the family and the operation, each capitalised, and {@code Call}
     * ({@code files.directory} is {@code FilesDirectoryCall}, {@code server.userAuthorizedKeys}
     * {@code ServerUserAuthorizedKeysCall}), so it sorts next to the family's front door.
     */
    String callClassName() {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[._]")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.append("Call").toString();
    }
}
