package dev.jinfra.inventory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kind of bad inventory gives one line naming the file, the line and the problem. */
class InventoryErrorsTest {

    @ParameterizedTest(name = "{0} fails with {1}")
    @CsvSource(delimiter = '|', textBlock = """
            errors/syntax.yaml                    | errors/syntax.yaml:4: YAML syntax error: expected ',' or ']', but got :
            errors/unknown-child.yaml             | errors/unknown-child.yaml:7: group 'production' has unknown child group 'dbs'
            errors/unknown-child.ini              | errors/unknown-child.ini:6: group 'prod' has unknown child group 'dbs'
            errors/unknown-child-ansible.yaml     | errors/unknown-child-ansible.yaml:9: group 'prod' has unknown child group 'dbs'
            errors/cycle.yaml                     | errors/cycle.yaml:8: group 'a' contains itself: a -> b -> c -> a
            errors/bad-range.yaml                 | errors/bad-range.yaml:4: host range 'web-[05-01].example.com' has start 05 after end 01
            errors/bad-range.ini                  | errors/bad-range.ini:2: host range 'web[01:' is missing ']'
            errors/malformed-host.ini             | errors/malformed-host.ini:3: malformed host line: expected key=value after the host name, got 'port'
            errors/bad-section.ini                | errors/bad-section.ini:1: unknown section type ':hosts' (expected :vars or :children)
            errors/unknown-key.yaml               | errors/unknown-key.yaml:4: unknown key 'chilren' in group 'web' (expected children, data, hosts)
            errors/duplicate-key.yaml             | errors/duplicate-key.yaml:4: duplicate key 'web' in groups
            errors/no-hosts.yaml                  | errors/no-hosts.yaml: no hosts
            errors/missing.yaml                   | errors/missing.yaml: no such inventory file
            nowhere/hosts                         | nowhere/hosts: no such inventory file
            errors                                | errors/bad-range.yaml:4: host range 'web-[05-01].example.com' has start 05 after end 01
            """)
    void namesFileLineAndProblem(String file, String message) {
        assertThatThrownBy(() -> TestInventories.load(file))
                .isInstanceOf(InventoryException.class)
                .hasMessage(message);
    }

    @Test
    void reportsTheLineOfAYamlSyntaxErrorOneBased() {
        assertThatThrownBy(() -> TestInventories.load("errors/syntax.yaml"))
                .isInstanceOfSatisfying(
                        InventoryException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.line())
                                .isEqualTo(4));
    }

    @ParameterizedTest(name = "targets {0} fail with {1}")
    @CsvSource(delimiter = '|', textBlock = """
            'web1,web2:ssh'      | command line: bad port 'ssh' in 'web2:ssh'
            'web1:70000'         | command line: bad port '70000' in 'web1:70000'
            '@localhost'         | command line: unknown target '@localhost' (did you mean @local?)
            'root@'              | command line: missing host name in 'root@'
            ' , '                | command line: no hosts
            'web-[3-1]'          | command line: host range 'web-[3-1]' has start 3 after end 1
            """)
    void rejectsBadTargets(String targets, String message) {
        assertThatThrownBy(() -> InventoryLoader.load(targets, TestInventories.dir()))
                .isInstanceOf(InventoryException.class)
                .hasMessage(message);
    }
}
