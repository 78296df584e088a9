package dev.jinfra.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void sortsDigitRunsAsNumbers() {
        List<String> sorted = List.of("web-10", "web-9", "db-2", "web-01", "web-1", "web-100").stream()
                .sorted(NaturalOrder.INSTANCE)
                .toList();
        assertThat(sorted).containsExactly("db-2", "web-01", "web-1", "web-9", "web-10", "web-100");
    }
}
