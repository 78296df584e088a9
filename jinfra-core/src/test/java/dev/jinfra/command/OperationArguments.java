package dev.jinfra.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinfra.api.Arg;
import dev.jinfra.api.Fact;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.catalog.Catalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every text argument of every operation in the catalog (a {@code String} or a list of them), each with a fixture
 * case whose facts make the operation send that argument to a host: found by trying a probe value in turn in the
 * operation's fixtures that emit commands. No list to keep: a new operation or argument is found as it is added.
 */
final class OperationArguments {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A value to find where an argument lands; plain, so that no operation refuses it for its characters. */
    static final String PROBE = "jinfraprobe";

    /** One argument and the fixture it is tried in; {@code fixtureValue} is the fixture's own value, or null. */
    record Target(
            String operation,
            String argument,
            boolean list,
            Map<String, Object> fixtureArgs,
            String fixtureValue,
            FixtureFacts facts) {
        @Override
        public String toString() {
            return operation + " " + argument;
        }

        /**
         * The operation with {@code value} as this argument (the value alone, then after the fixture's value or the
         * probe), planned: the first way it is taken, or the last refusal.
         */
        Attempt attempt(String value) {
            Attempt last = null;
            for (String sent : List.of(value, (fixtureValue == null ? PROBE : fixtureValue) + value)) {
                last = plan(sent);
                if (last instanceof Attempt.Planned) {
                    return last;
                }
            }
            return last;
        }

        Attempt plan(String sent) {
            Map<String, Object> args = new LinkedHashMap<>(fixtureArgs);
            args.put(argument, list ? List.of(sent) : sent);
            List<Fact<?>> asked = new ArrayList<>();
            try {
                Operation op = Catalog.operation(operation, args);
                Plan plan = op.plan(facts.source(sent, fixtureValue, asked));
                List<Command> commands = new ArrayList<>(plan.commands());
                for (Fact<?> f : asked) {
                    commands.add(f.command());
                }
                // Shell text has no words to check, but for a script's arguments.
                commands.removeIf(c -> words(c) == null);
                boolean reached =
                        commands.stream().anyMatch(c -> words(c).stream().anyMatch(w -> w.contains(sent)));
                return reached ? new Attempt.Planned(sent, commands) : new Attempt.Unreached(sent);
            } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
                return new Attempt.Refused(sent, e);
            }
        }
    }

    /** The words a command's arguments must arrive as: a program's, or a script's positional parameters. */
    static List<String> words(Command c) {
        return c.words() != null ? c.words() : c.scriptArgs();
    }

    /** What became of one value. */
    sealed interface Attempt {
        /** It reached these commands, the operation's and those of the facts it read. */
        record Planned(String sent, List<Command> commands) implements Attempt {}

        /** Taken, but it reached no command with these facts. */
        record Unreached(String sent) implements Attempt {}

        /** Refused by the operation (its arguments, its plan) with a message. */
        record Refused(String sent, RuntimeException error) implements Attempt {}
    }

    /**
     * Every text argument in catalog order, and the names of those that reach no command in any fixture: local
     * files, values that only go into an uploaded file, and values whose form the operation checks (a mode, a
     * hash), which the probe does not have. Those are still tried, to see that what they refuse they refuse in words.
     */
    record Found(List<Target> targets, List<String> unreached) {}

    private OperationArguments() {}

    static Found find() {
        List<Target> targets = new ArrayList<>();
        List<String> unreached = new ArrayList<>();
        for (var e : Catalog.operationTypes().entrySet()) {
            List<JsonNode> fixtures = fixturesWithCommands(e.getKey());
            for (RecordComponent c : e.getValue().getRecordComponents()) {
                boolean list = isTextList(c);
                if (c.getType() != String.class && !list) {
                    continue;
                }
                List<Target> candidates = ordered(fixtures, c.getName()).stream()
                        .map(f -> target(e.getKey(), c, list, f))
                        .toList();
                Target found = candidates.stream()
                        .filter(t -> t.attempt(PROBE) instanceof Attempt.Planned)
                        .findFirst()
                        .orElse(null);
                if (found == null) {
                    unreached.add(e.getKey() + " " + c.getName());
                    found = candidates.getFirst();
                }
                targets.add(found);
            }
        }
        return new Found(targets, unreached);
    }

    /** The argument in {@code fixture}, with the fixture's value for it, else its documented default. */
    private static Target target(String operation, RecordComponent c, boolean list, JsonNode fixture) {
        @SuppressWarnings("unchecked")
        Map<String, Object> args = JSON.convertValue(fixture.path("args"), Map.class);
        JsonNode own = fixture.path("args").path(c.getName());
        String value = own.isTextual()
                ? own.asText()
                : own.isArray() && !own.isEmpty() ? own.get(0).asText() : null;
        Arg doc = c.getAnnotation(Arg.class);
        if (value == null && doc != null && !doc.defaultValue().isEmpty()) {
            value = doc.defaultValue();
        }
        return new Target(operation, c.getName(), list, args, value, new FixtureFacts(fixture.path("facts")));
    }

    /** Fixtures that give the argument first: their other arguments fit it best. */
    private static List<JsonNode> ordered(List<JsonNode> fixtures, String argument) {
        List<JsonNode> out = new ArrayList<>();
        fixtures.stream().filter(f -> f.path("args").has(argument)).forEach(out::add);
        fixtures.stream().filter(f -> !f.path("args").has(argument)).forEach(out::add);
        return out;
    }

    private static boolean isTextList(RecordComponent c) {
        return c.getType() == List.class
                && c.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == String.class;
    }

    private static List<JsonNode> fixturesWithCommands(String operation) {
        try {
            var url = OperationArguments.class.getResource("/operations/" + operation);
            if (url == null) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                List<JsonNode> out = new ArrayList<>();
                for (Path f : files.filter(p -> p.toString().endsWith(".json"))
                        .sorted()
                        .toList()) {
                    JsonNode c = JSON.readTree(f.toFile());
                    if (c.has("commands")) {
                        out.add(c);
                    }
                }
                return out;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
