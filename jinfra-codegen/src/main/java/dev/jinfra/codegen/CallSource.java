package dev.jinfra.codegen;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** The Java source of one typed call, from its operation record and what {@code OperationCall} offers. */
final class CallSource {
    /** The deploy language's package: front doors create their calls through its package-private constructors. */
    static final String PACKAGE = "dev.jinfra.deploy";

    private final OperationRecord op;
    private final CallSettings settings;
    private final String self;
    private final StringBuilder out = new StringBuilder();

    CallSource(OperationRecord op, CallSettings settings) {
        this.op = op;
        this.settings = settings;
        this.self = op.callClassName();
    }

    String text() {
        out.append("package ").append(PACKAGE).append(";\n\n");
        javadoc(
                "",
                "{@code " + op.name() + "}: " + Javadoc.text(op.summary()),
                op.example().isBlank()
                        ? null
                        : "<pre>\n" + Javadoc.text(op.example().strip()) + "\n</pre>",
                "<p>Each argument of {@code " + op.name() + "} has its method here, named and typed as the record "
                        + "{@link " + op.recordType() + "} declares it; the settings of {@link OperationCall} "
                        + "return this type too, so arguments and settings chain in any order. Generated from the "
                        + "record when jinfra is built.");
        out.append("@javax.annotation.processing.Generated(\"")
                .append(OperationCallProcessor.class.getName())
                .append("\")\n");
        out.append("public final class ").append(self).append(" extends OperationCall {\n");
        out.append("    ").append(self).append("(Settings piece) {\n");
        out.append("        super(").append(op.recordType()).append(".class, piece);\n");
        out.append("    }\n");
        for (OperationRecord.Argument a : op.arguments()) {
            argument(a);
        }
        for (CallSettings.Fluent f : settings.fluent()) {
            if (mergedWithArgument(f).isEmpty()) {
                override(f);
            }
        }
        out.append("}\n");
        return out.toString();
    }

    private void argument(OperationRecord.Argument a) {
        String type = parameterType(a.type());
        boolean taken = settings.taken().contains(a.name());
        boolean merged = settings.fluent().stream()
                .anyMatch(f -> mergedWithArgument(f).filter(a::equals).isPresent());
        // A name OperationCall already uses for something else (name(..) is the display name, shell(..) the
        // shell of the commands) gets a suffix rather than a clash or a confusing overload.
        String method = taken && !merged ? a.name() + "Argument" : a.name();
        String renamed = method.equals(a.name())
                ? null
                : "<p>Named {@code " + method + "}: {@code " + a.name() + "(..)} is {@link OperationCall}'s own.";
        setter(a, method, type, "super.arg(\"" + a.name() + "\", " + a.name() + ");", merged, renamed);
        if (isListOfText(a.type()) && !taken) {
            setter(
                    a,
                    method,
                    "java.lang.String...",
                    "super.arg(\"" + a.name() + "\", java.util.List.of(" + a.name() + "));",
                    false,
                    null);
        }
    }

    private void setter(
            OperationRecord.Argument a, String method, String type, String body, boolean override, String renamed) {
        String text =
                a.text().isBlank() ? "The operation's {@code " + a.name() + "} argument." : Javadoc.sentence(a.text());
        String facts = a.required()
                ? "<p>Required."
                : a.defaultValue().isEmpty()
                        ? null
                        : "<p>Default: <code>" + Javadoc.text(a.defaultValue()) + "</code>.";
        out.append('\n');
        javadoc(
                "    ",
                text,
                facts,
                renamed,
                "@param " + a.name() + " the value of {@code " + a.name() + "}",
                "@return this call");
        if (override) {
            out.append("    @Override\n");
        }
        out.append("    public ")
                .append(self)
                .append(' ')
                .append(method)
                .append('(')
                .append(type)
                .append(' ')
                .append(a.name())
                .append(") {\n");
        out.append("        ").append(body).append("\n        return this;\n    }\n");
    }

    /** The argument an argument shorthand such as {@code mode(String)} stands for, when this operation has it. */
    private Optional<OperationRecord.Argument> mergedWithArgument(CallSettings.Fluent f) {
        if (f.setsArgument() == null || f.parameters().size() != 1) {
            return Optional.empty();
        }
        return op.arguments().stream()
                .filter(a -> a.name().equals(f.setsArgument())
                        && a.name().equals(f.name())
                        && parameterType(a.type())
                                .equals(f.parameters().getFirst().type()))
                .findFirst();
    }

    private void override(CallSettings.Fluent f) {
        boolean missing = f.setsArgument() != null
                && op.arguments().stream().noneMatch(a -> a.name().equals(f.setsArgument()));
        out.append('\n');
        if (missing) {
            // A shorthand of an argument this operation does not have fails when the deploy runs; say so where
            // the IDE and the compiler can show it.
            javadoc(
                    "    ",
                    "{@code " + op.name() + "} has no argument {@code " + f.setsArgument()
                            + "}: this fails when the deploy runs.",
                    "@deprecated not an argument of {@code " + op.name() + "}");
            out.append("    @Deprecated\n");
        }
        String params =
                f.parameters().stream().map(p -> p.type() + " " + p.name()).collect(Collectors.joining(", "));
        String names = f.parameters().stream().map(CallSettings.Parameter::name).collect(Collectors.joining(", "));
        out.append("    @Override\n    public ")
                .append(self)
                .append(' ')
                .append(f.name())
                .append('(')
                .append(params)
                .append(") {\n        super.")
                .append(f.name())
                .append('(')
                .append(names)
                .append(");\n        return this;\n    }\n");
    }

    /**
     * A component's type as a parameter: a map's {@code Object} values become {@code ?}, so a
     * {@code Map<String, String>} is accepted where the record holds {@code Map<String, Object>}.
     */
    static String parameterType(TypeMirror type) {
        if (type.getKind() == TypeKind.DECLARED
                && !((DeclaredType) type).getTypeArguments().isEmpty()) {
            DeclaredType declared = (DeclaredType) type;
            List<String> arguments = declared.getTypeArguments().stream()
                    .map(t -> t.toString().equals("java.lang.Object") ? "?" : t.toString())
                    .toList();
            return ((TypeElement) declared.asElement()).getQualifiedName() + "<" + String.join(", ", arguments) + ">";
        }
        return type.toString();
    }

    private static boolean isListOfText(TypeMirror type) {
        return parameterType(type).equals("java.util.List<java.lang.String>");
    }

    /** A doc comment of the given paragraphs (null ones left out), each line indented by {@code indent}. */
    private void javadoc(String indent, String... paragraphs) {
        out.append(indent).append("/**\n");
        boolean first = true;
        boolean tags = false;
        for (String p : paragraphs) {
            if (p == null) {
                continue;
            }
            boolean tag = p.startsWith("@");
            if (!first && !(tag && tags)) {
                out.append(indent).append(" *\n");
            }
            for (String line : p.split("\n", -1)) {
                out.append(indent)
                        .append(" *")
                        .append(line.isEmpty() ? "" : " " + line)
                        .append('\n');
            }
            first = false;
            tags = tag;
        }
        out.append(indent).append(" */\n");
    }
}
