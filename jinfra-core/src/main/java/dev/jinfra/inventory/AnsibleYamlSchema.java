package dev.jinfra.inventory;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * The plain scalars of YAML 1.1, as Ansible's YAML reader (PyYAML) reads them in inventories and vars files:
 * {@code yes}/{@code no}/{@code on}/{@code off} in any of their three spellings are booleans, {@code 0755} is
 * octal (493), {@code 0x1F} and {@code 0b101} are numbers, {@code 1_000} is 1000 and {@code 1:30} is 90. jinfra's
 * own YAML stays 1.2 ({@code no} and {@code 0755} are text there). Dates stay text, as ansible-inventory prints
 * them; {@code y} and {@code n} are text, as in PyYAML.
 */
final class AnsibleYamlSchema implements Schema {
    private static final Pattern BOOL =
            Pattern.compile("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    private static final Pattern INT = Pattern.compile("[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)"
            + "|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
            + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
            + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");

    private final Map<Tag, ConstructNode> constructors = Map.of(
            Tag.BOOL, node -> bool(text(node)),
            Tag.INT, node -> integer(text(node)),
            Tag.FLOAT, node -> decimal(text(node)));

    @Override
    public ScalarResolver getScalarResolver() {
        return (value, implicit) -> {
            if (!implicit) {
                return Tag.STR;
            }
            if (NULL.matcher(value).matches()) {
                return Tag.NULL;
            }
            if (BOOL.matcher(value).matches()) {
                return Tag.BOOL;
            }
            if (INT.matcher(value).matches()) {
                return Tag.INT;
            }
            if (FLOAT.matcher(value).matches()) {
                return Tag.FLOAT;
            }
            return Tag.STR;
        };
    }

    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
        // The core schema's constructors for what is not scalar (maps, lists...), ours for YAML 1.1's scalars.
        var all = new java.util.HashMap<>(new CoreSchema().getSchemaTagConstructors());
        all.putAll(constructors);
        return all;
    }

    private static String text(Node node) {
        return ((ScalarNode) node).getValue();
    }

    private static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on" -> Boolean.TRUE;
            default -> Boolean.FALSE;
        };
    }

    /** PyYAML's int: binary, hexadecimal, octal after a leading 0, base 60 with colons, else decimal. */
    static Number integer(String text) {
        String digits = text.replace("_", "");
        boolean negative = digits.startsWith("-");
        if (digits.startsWith("-") || digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        BigInteger value;
        if (digits.equals("0")) {
            value = BigInteger.ZERO;
        } else if (digits.startsWith("0b")) {
            value = new BigInteger(digits.substring(2), 2);
        } else if (digits.startsWith("0x")) {
            value = new BigInteger(digits.substring(2), 16);
        } else if (digits.startsWith("0")) {
            value = new BigInteger(digits.substring(1), 8);
        } else if (digits.contains(":")) {
            value = BigInteger.ZERO;
            for (String part : digits.split(":")) {
                value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
            }
        } else {
            value = new BigInteger(digits);
        }
        value = negative ? value.negate() : value;
        // As the core schema gives them: Integer where it fits, then Long, then BigInteger.
        if (value.bitLength() < 32) {
            return value.intValue();
        }
        return value.bitLength() < 64 ? (Number) value.longValue() : value;
    }

    private static Double decimal(String text) {
        String digits = text.replace("_", "").toLowerCase(Locale.ROOT);
        boolean negative = digits.startsWith("-");
        if (digits.startsWith("-") || digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        double value;
        if (digits.equals(".inf")) {
            value = Double.POSITIVE_INFINITY;
        } else if (digits.equals(".nan")) {
            value = Double.NaN;
        } else if (digits.contains(":")) {
            value = 0;
            for (String part : digits.split(":")) {
                value = value * 60 + Double.parseDouble(part);
            }
        } else {
            value = Double.parseDouble(digits);
        }
        return negative ? -value : value;
    }
}
