package dev.jinfra.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Plain scalars in Ansible's YAML files read as YAML 1.1, as Ansible reads them, compared with
 * {@code ansible-inventory --list} ({@code ansible-yaml11/expected.json}, ansible-core 2.14, made once).
 */
class AnsibleYamlScalarsTest {
    static final Path CASES = TestInventories.dir().resolve("ansible-yaml11");

    @TempDir
    Path dir;

    @Test
    void booleansOctalsAndOtherYaml11ScalarsReadAsAnsibleReadsThem() throws Exception {
        Inventory inventory = InventoryLoader.load("hosts.yml", CASES);
        Map<String, Object> data =
                new LinkedHashMap<>(inventory.host("web1").orElseThrow().data());

        Map<?, ?> tree = (Map<?, ?>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(CASES.resolve("expected.json")));
        Map<String, Object> expected = new LinkedHashMap<>();
        ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) tree.get("_meta")).get("hostvars")).get("web1"))
                .forEach((key, value) -> {
                    // jinfra leaves out a variable set to nothing or null; JSON has no infinity, Python writes one.
                    if (value != null) {
                        expected.put((String) key, "Infinity".equals(value) ? Double.POSITIVE_INFINITY : value);
                    }
                });
        assertThat(normalized(data)).isEqualTo(normalized(expected));
    }

    @Test
    void jinfrasOwnYamlStaysYaml12() throws Exception {
        Inventory inventory = TestInventories.written(dir, "hosts.yaml", """
                data: {flag: no, mode: 0755}
                hosts:
                  web1:
                """);

        assertThat(inventory.host("web1").orElseThrow().data())
                .containsEntry("flag", "no")
                .containsEntry("mode", "0755");
    }

    /** Numbers by value, whatever their Java type. */
    private static Map<String, String> normalized(Map<String, Object> data) {
        Map<String, String> out = new java.util.TreeMap<>();
        data.forEach((key, value) -> out.put(key, text(value)));
        return out;
    }

    private static String text(Object value) {
        return switch (value) {
            case Double d when d.isInfinite() -> "inf";
            case Number n ->
                new java.math.BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
            case Map<?, ?> m -> {
                Map<String, String> items = new java.util.TreeMap<>();
                m.forEach((k, v) -> items.put(k.toString(), text(v)));
                yield items.toString();
            }
            case java.util.List<?> l ->
                l.stream().map(AnsibleYamlScalarsTest::text).toList().toString();
            default -> String.valueOf(value);
        };
    }
}
