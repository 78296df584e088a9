package dev.jinfra.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPatternTest {

    @ParameterizedTest(name = "{0} expands to {1}")
    @CsvSource(delimiter = '|', textBlock = """
            web-1.example.com         | web-1.example.com
            web-[01-03].example.com   | web-01.example.com web-02.example.com web-03.example.com
            web-[8-11]                | web-8 web-9 web-10 web-11
            web-[008-010]             | web-008 web-009 web-010
            web-[01-03,07,10-11]      | web-01 web-02 web-03 web-07 web-10 web-11
            web[01:03]                | web01 web02 web03
            web[1:9:4]                | web1 web5 web9
            [a:c].example.com         | a.example.com b.example.com c.example.com
            db-[a-b]                  | db-a db-b
            r[1-2]n[1-2]              | r1n1 r1n2 r2n1 r2n2
            [east,west]-lb            | east-lb west-lb
            """)
    void expandsRanges(String pattern, String expected) {
        assertThat(HostPattern.expand(pattern)).containsExactly(expected.split(" "));
    }

    @ParameterizedTest(name = "{0} is rejected: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            web-[05-01]    | command line: host range 'web-[05-01]' has start 05 after end 01
            web-[01-       | command line: host range 'web-[01-' is missing ']'
            [a-]           | command line: host range '[a-]' has a range 'a-' without an end
            web-[-3]       | command line: host range 'web-[-3]' has a range '-3' without a start
            web-01]        | command line: host range 'web-01]' has ']' without '['
            web-[]         | command line: host range 'web-[]' has an empty range '[]'
            web-[1,,2]     | command line: host range 'web-[1,,2]' has an empty item in a list
            web-[a-5]      | command line: host range 'web-[a-5]' has a range 'a-5' that is not two numbers or two letters of the same case
            web-[1:5:0]    | command line: host range 'web-[1:5:0]' has step '0', which is not a positive number
            web-[1-2-3]    | command line: host range 'web-[1-2-3]' has a malformed range '1-2-3'
            """)
    void rejectsMalformedRanges(String pattern, String message) {
        assertThatThrownBy(() -> HostPattern.expand(pattern))
                .isInstanceOf(InventoryException.class)
                .hasMessage(message);
    }

    @Test
    void namesTheFileAndLineOfABadRange() {
        assertThatThrownBy(() -> HostPattern.expand("web-[2-1]", "hosts.yaml", 7))
                .hasMessage("hosts.yaml:7: host range 'web-[2-1]' has start 2 after end 1");
    }

    @Test
    void refusesExpansionsLargerThanTheCap() {
        assertThatThrownBy(() -> HostPattern.expand("web-[1-1000000]"))
                .hasMessage("command line: host range 'web-[1-1000000]' expands to more than 100000 names");
        assertThatThrownBy(() -> HostPattern.expand("r[1-1000]n[1-1000]"))
                .hasMessage("command line: host range 'r[1-1000]n[1-1000]' expands to more than 100000 names");
    }

    @Test
    void expandsUpToTheCap() {
        assertThat(HostPattern.expand("h[1-100000]")).hasSize(100_000);
    }

    @ParameterizedTest(name = "{0} folds to {1}")
    @CsvSource(delimiter = '|', textBlock = """
            web-01 web-02 web-03                          | web-[01-03]
            web-03 db-1 web-01 web-02                     | db-1, web-[01-03]
            web-9 web-10 web-11                           | web-[9-11]
            web-01 web-02 web-04 web-05 web-09            | web-[01-02,04-05,09]
            web-01.example.com web-02.example.com         | web-[01-02].example.com
            web-1 web-01                                  | web-01, web-1
            rack1-node01 rack1-node02 rack2-node01        | rack1-node[01-02], rack2-node01
            alpha beta alpha                              | alpha, beta
            a10 a9 b2                                     | a[9-10], b2
            """)
    void foldsNamesIntoRanges(String names, String folded) {
        assertThat(HostPattern.fold(Arrays.asList(names.split(" ")))).isEqualTo(folded);
    }

    @Test
    void foldsAFleetWithAGapAndKeepsPadding() {
        List<String> names = new ArrayList<>(IntStream.rangeClosed(1, 38)
                .mapToObj(i -> String.format("web-%02d", i))
                .toList());
        names.add("web-40");
        names.add("db-1");
        assertThat(HostPattern.fold(names)).isEqualTo("db-1, web-[01-38,40]");
    }

    @Test
    void foldingThenExpandingGivesBackTheNames() {
        List<String> names = List.of("web-01", "web-02", "web-10", "web-7", "web-8", "db-003", "db-004", "x");
        List<String> expanded = Arrays.stream(HostPattern.fold(names).split(", "))
                .flatMap(entry -> HostPattern.expand(entry).stream())
                .toList();
        assertThat(expanded).containsExactlyInAnyOrderElementsOf(names);
    }
}
