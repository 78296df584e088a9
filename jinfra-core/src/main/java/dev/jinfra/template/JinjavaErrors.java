package dev.jinfra.template;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateError.ErrorItem;
import com.hubspot.jinjava.interpret.TemplateError.ErrorReason;
import com.hubspot.jinjava.interpret.TemplateError.ErrorType;
import com.hubspot.jinjava.interpret.UnknownTagException;
import com.hubspot.jinjava.interpret.UnknownTokenException;
import dev.jinfra.template.Tag.Kind;
import dev.jinfra.template.Tag.Token;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns what Jinjava reports into a {@link TemplateException} in the user's terms: the template's line and
 * column (found among the template's own tags, since Jinjava's columns are those of the rewritten text) and a
 * message without Java class names.
 */
final class JinjavaErrors {
    private JinjavaErrors() {}

    private static final Set<ErrorItem> UNKNOWN_NAMES =
            Set.of(ErrorItem.TAG, ErrorItem.FILTER, ErrorItem.EXPRESSION_TEST, ErrorItem.FUNCTION);
    private static final Pattern EXCEPTION_PREFIX = Pattern.compile("^(?:[\\w$.]+(?:Exception|Error):\\s*)+");
    private static final Pattern QUALIFIED_CLASS =
            Pattern.compile("\\b(?:java|javax|jinjava|com|org|de)\\.(?:[a-z_]\\w*\\.)*([A-Z]\\w*)");
    private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z_]\\w*");
    private static final Pattern PARSE_ERROR =
            Pattern.compile("^error parsing '(.*)': \\w+ error at position -?\\d+, encountered (.+?), expected .*$");

    /** The first error that means the template cannot be rendered as written, if any. */
    static Optional<TemplateException> first(
            Context names, TemplateSource source, List<Tag> tags, List<TemplateError> errors) {
        return errors.stream()
                .filter(JinjavaErrors::breaksTemplate)
                .findFirst()
                .map(error -> translate(names, source, tags, error));
    }

    /**
     * Fatal errors break the template, and so do syntax and unknown-name warnings. Warnings about unclosed tags
     * and comments are left out: {@link JinjaLexer} has already decided those the way Jinja2 does, and Jinjava
     * raises them wrongly for text such as {@code {{ '{{' }}}. Unknown properties are undefined values, which
     * strict rendering reports as fatal errors of their own and lenient rendering prints as nothing.
     */
    static boolean breaksTemplate(TemplateError error) {
        if (error.getSeverity() == ErrorType.FATAL) {
            return true;
        }
        if (error.getReason() == ErrorReason.SYNTAX_ERROR) {
            return !"token".equals(error.getFieldName()) && !"comment".equals(error.getFieldName());
        }
        return error.getReason() == ErrorReason.UNKNOWN && UNKNOWN_NAMES.contains(error.getItem());
    }

    static TemplateException translate(Context names, TemplateSource source, List<Tag> tags, TemplateError error) {
        TemplateException own = ownProblem(error.getException());
        if (own != null) {
            return own;
        }
        int line = Math.clamp(error.getLineno(), 1, source.lineCount());
        if (error.getException() instanceof UnknownTokenException unknown) {
            // Jinjava reports a missing filter or test as an expression without a value. The check before
            // rendering lets these through inside if blocks, as Jinja2 does, and only here is one reached.
            Optional<TemplateException> unknownName = onLine(source, tags, line).stream()
                    .map(tag -> ExpressionCheck.unknownName(names, source, tag))
                    .filter(Objects::nonNull)
                    .findFirst();
            if (unknownName.isPresent()) {
                return unknownName.get();
            }
            String token = unknown.getToken().strip();
            return at(source, tags, line, error, leadingName(token), "'" + token + "' is undefined");
        }
        if (error.getException() instanceof UnknownTagException) {
            String tag = error.getFieldName();
            return at(source, tags, line, error, tag, "tag '" + tag + "' is not supported by jinfra's template engine");
        }
        String message = words(error.getMessage());
        if (message.equals("error rendering tag") && error.getException() != null) {
            Throwable cause = error.getException().getCause();
            if (cause != null && cause.getMessage() != null) {
                message = words(cause.getMessage());
            }
        }
        if (message.startsWith("error invoking function") && error.getException() != null) {
            // A function such as lookup() failed: its own words are at the bottom of the causes.
            Throwable cause = error.getException();
            String deepest = null;
            for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
                if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                    deepest = cause.getMessage();
                }
            }
            message = deepest == null ? message : words(deepest);
        }
        return at(source, tags, line, error, null, message);
    }

    /** Whether the undefined name an error is about is written in a tag on the error's line of {@code source}. */
    static boolean namesOnItsLine(TemplateSource source, TemplateError error) {
        if (!(error.getException() instanceof UnknownTokenException unknown)
                || error.getLineno() > source.lineCount()) {
            return false;
        }
        String name = leadingName(unknown.getToken().strip());
        return name != null
                && onLine(source, JinjaLexer.tags(source), Math.max(1, error.getLineno())).stream()
                        .flatMap(t -> t.tokens().stream())
                        .anyMatch(t -> t.isName(name));
    }

    /** jinfra's own error about another template (one that is included), which already names its file and line. */
    private static TemplateException ownProblem(Throwable e) {
        for (int depth = 0; e != null && depth < 10; depth++, e = e.getCause()) {
            if (e instanceof TemplateException own) {
                return own;
            }
        }
        return null;
    }

    /** An exception that escaped Jinjava's own error collection. */
    static TemplateException translate(TemplateSource source, List<Tag> tags, RuntimeException e) {
        TemplateException own = ownProblem(e);
        if (own != null) {
            return own;
        }
        int line = 1;
        int position = -1;
        if (e instanceof InterpretException interpret && interpret.getLineNumber() > 0) {
            line = Math.min(interpret.getLineNumber(), source.lineCount());
            position = interpret.getStartPosition();
        }
        String message = e.getMessage() == null ? "cannot render the template" : words(e.getMessage());
        return at(source, tags, line, position, null, message, e);
    }

    /**
     * The column of {@code name} in a tag starting on {@code line}, else of the tag Jinjava names by position,
     * else of the line's first tag.
     */
    private static TemplateException at(
            TemplateSource source, List<Tag> tags, int line, TemplateError error, String name, String problem) {
        return at(source, tags, line, error.getStartPosition(), name, problem, error.getException());
    }

    private static TemplateException at(
            TemplateSource source,
            List<Tag> tags,
            int line,
            int position,
            String name,
            String problem,
            Throwable cause) {
        List<Tag> onLine = onLine(source, tags, line);
        int offset = source.offsetOfLine(line);
        if (name != null) {
            // The tag at Jinjava's position first: in "{% set y = u %}{{ y }}" the undefined y is the second one.
            Optional<Token> token = Stream.concat(
                            onLine.stream().filter(t -> source.column(t.start()) == position), onLine.stream())
                    .flatMap(t -> t.tokens().stream())
                    .filter(t -> t.isName(name))
                    .findFirst();
            if (token.isPresent()) {
                return source.error(token.get().offset(), problem, cause);
            }
        }
        Optional<Tag> tag = onLine.stream()
                .filter(t -> source.column(t.start()) == position)
                .findFirst()
                .or(() -> onLine.stream().findFirst());
        return source.error(tag.map(Tag::start).orElse(offset), problem, cause);
    }

    private static List<Tag> onLine(TemplateSource source, List<Tag> tags, int line) {
        return tags.stream()
                .filter(t -> t.kind() == Kind.EXPRESSION || t.kind() == Kind.STATEMENT)
                .filter(t -> source.line(t.start()) == line)
                .toList();
    }

    private static String leadingName(String token) {
        var m = IDENTIFIER.matcher(token);
        return m.find() ? m.group() : null;
    }

    /** One line of words: no exception class prefixes, no package names, starting in lower case. */
    static String words(String message) {
        String line = message.strip().lines().findFirst().orElse("").strip();
        line = EXCEPTION_PREFIX.matcher(line).replaceFirst("");
        line = QUALIFIED_CLASS.matcher(line).replaceAll("$1");
        if (line.isEmpty()) {
            return "cannot render the template";
        }
        line = Character.toLowerCase(line.charAt(0)) + line.substring(1);
        // Jinjava's parser positions count in its own wrapped copy of the expression, so they are left out.
        return PARSE_ERROR.matcher(line).replaceFirst("unexpected $2 in '$1'");
    }
}
