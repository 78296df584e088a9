package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.cli.output.ProgressDisplay.Mode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputOptionsTest {
    @ParameterizedTest(name = "--progress {0}, stderr a terminal: {1}, --stream: {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            auto   | true  | false | LIVE
            auto   | false | false | SPARSE
            auto   | true  | true  | none
            auto   | false | true  | none
            always | true  | false | LIVE
            always | false | false | PLAIN
            always | false | true  | PLAIN
            never  | true  | false | none
            never  | false | false | none
            """)
    void progressIsDecidedByStandardErrorAlone(String progress, boolean errTerminal, boolean stream, Mode expected) {
        var options = new OutputOptions();
        options.progress = progress;
        options.stream = stream;
        assertThat(options.progressMode(errTerminal)).isEqualTo(expected);
    }
}
