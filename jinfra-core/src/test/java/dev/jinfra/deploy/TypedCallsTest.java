package dev.jinfra.deploy;

import static dev.jinfra.deploy.Operations.files;
import static dev.jinfra.deploy.Operations.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.catalog.Catalog;
import dev.jinfra.catalog.JavaMethods;
import dev.jinfra.inventory.Host;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every operation has a typed call generated from its record: a method per argument, and every setting of
 * {@link OperationCall} returning the typed call, so that deploy code chains both and gets completion, Javadoc
 * and type checks from its IDE and compiler.
 */
class TypedCallsTest {
    private static final Host HOST = new Host("web-1", List.of(), Map.of());

    /** The typed call's name, as the generator derives it: {@code files.directory} is FilesDirectoryCall. */
    static String callName(String operation) {
        StringBuilder out = new StringBuilder();
        for (String part : operation.split("[._]")) {
            out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return out.append("Call").toString();
    }

    static Class<?> callOf(String operation) throws ClassNotFoundException {
        return Class.forName("dev.jinfra.deploy." + callName(operation));
    }

    @Test
    void everyCatalogOperationHasATypedCallWithAMethodPerArgument() throws Exception {
        List<String> missing = new ArrayList<>();
        for (var e : Catalog.operationTypes().entrySet()) {
            Class<?> call = callOf(e.getKey());
            assertThat(call.getSuperclass()).isEqualTo(OperationCall.class);
            for (RecordComponent c : e.getValue().getRecordComponents()) {
                boolean found = Arrays.stream(call.getMethods())
                        .anyMatch(m ->
                                (m.getName().equals(c.getName()) || m.getName().equals(c.getName() + "Argument"))
                                        && m.getReturnType() == call
                                        && Arrays.equals(m.getParameterTypes(), new Class<?>[] {c.getType()}));
                if (!found) {
                    missing.add(e.getKey() + ": " + c.getType().getSimpleName() + " " + c.getName());
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everySettingOfOperationCallReturnsTheTypedCall() throws Exception {
        Class<?> call = callOf("files.directory");
        for (Method m : OperationCall.class.getMethods()) {
            if (m.getReturnType() == OperationCall.class && !Modifier.isStatic(m.getModifiers())) {
                assertThat(call.getMethod(m.getName(), m.getParameterTypes()).getReturnType())
                        .as(m.toString())
                        .isEqualTo(call);
            }
        }
    }

    @Test
    void everyFrontDoorMethodReturnsTheTypedCallOfItsOperation() {
        List<String> wrong = new ArrayList<>();
        for (Field family : JavaMethods.families()) {
            for (Method m : JavaMethods.of(family)) {
                String expected = callName(family.getName() + "." + m.getName());
                if (!m.getReturnType().getSimpleName().equals(expected)) {
                    wrong.add(family.getName() + "." + m.getName() + " returns "
                            + m.getReturnType().getSimpleName() + ", not " + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aChainOfSettingsAndTypedArgumentsRegistersWhatArgumentsByNameDo() {
        PrepareContext.Registered typed = registered(h -> files.directory("/srv/app")
                .sudo()
                .recursive(true)
                .timeout(Duration.ofSeconds(5))
                .owner("app")
                .name("App directory")
                .group("www"));
        PrepareContext.Registered byName = registered(h -> files.directory("/srv/app")
                .sudo()
                .arg("recursive", true)
                .timeout(Duration.ofSeconds(5))
                .arg("owner", "app")
                .name("App directory")
                .arg("group", "www"));

        assertThat(typed.call()).isInstanceOf(FilesDirectoryCall.class);
        assertThat(typed.call().operation()).isEqualTo(byName.call().operation());
        assertThat(typed.call().displayName()).isEqualTo("App directory");
        assertThat(typed.call().settingsFor(HOST, Settings.NONE))
                .isEqualTo(byName.call().settingsFor(HOST, Settings.NONE));
    }

    @Test
    void aListArgumentTakesAListOrItsItemsOneByOne() {
        Operation list = registered(h -> server.user("app").groups(List.of("www", "log")))
                .call()
                .operation();
        Operation items =
                registered(h -> server.user("app").groups("www", "log")).call().operation();

        assertThat(items).isEqualTo(list);
    }

    @Test
    void anArgumentNamedLikeASettingKeepsTheSettingAndTakesASuffix() {
        ServerUserCall call = (ServerUserCall)
                registered(h -> server.user("app").shell("bash").shellArgument("/usr/sbin/nologin"))
                        .call();

        assertThat(call.operation().toString()).contains("shell=/usr/sbin/nologin");
        assertThat(call.settingsFor(HOST, Settings.NONE)).isEqualTo(Settings.NONE.shell("bash"));
    }

    private static PrepareContext.Registered registered(Deploy deploy) {
        return PrepareContext.prepare(HOST, List.of(deploy), FactSource.NONE).getFirst();
    }
}
