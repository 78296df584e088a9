package dev.jinfra.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.connect.OutputListener;
import dev.jinfra.inventory.Host;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamPrinterTest {
    @Test
    void stderrLinesGoToAFileWithoutColoursWhenOnlyStdoutIsATerminal() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var printer = new StreamPrinter(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Style.forTerminal(true),
                Style.forTerminal(false));
        Host web = new Host("web-01", List.of(), Map.of());
        printer.hostOutput(web, OutputListener.Stream.STDOUT, "one");
        printer.hostOutput(web, OutputListener.Stream.STDERR, "oops");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\u001b[").contains("one");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("web-01: oops\n");
    }
}
