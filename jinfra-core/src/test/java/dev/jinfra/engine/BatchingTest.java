package dev.jinfra.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchingTest {
    static List<Integer> upTo(int n) {
        return IntStream.rangeClosed(1, n).boxed().toList();
    }

    @ParameterizedTest(name = "{1} hosts in batches of {0} give sizes {2}")
    @CsvSource({
        "4, 10, 4;4;2",
        "10%, 25, 3;3;3;3;3;3;3;3;1",
        "50%, 3, 2;1",
        "100%, 7, 7",
        "1%, 5, 1;1;1;1;1",
        "20, 5, 5",
    })
    void splitsHostsIntoBatchesOfTheGivenSize(String spec, int hosts, String sizes) {
        var batches = Batching.parse(spec, Duration.ZERO).split(upTo(hosts));
        assertThat(batches.stream().map(List::size).map(String::valueOf).toList())
                .containsExactly(sizes.split(";"));
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(upTo(hosts));
    }

    @Test
    void noBatchingIsOneBatch() {
        assertThat(Batching.NONE.split(upTo(9))).hasSize(1);
        assertThat(Batching.NONE.split(List.of())).isEmpty();
    }

    @Test
    void badSpecsAreRefusedWithTheirText() {
        assertThatThrownBy(() -> Batching.parse("0", Duration.ZERO)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Batching.parse("150%", Duration.ZERO)).hasMessageContaining("150%");
        assertThatThrownBy(() -> Batching.parse("ten", Duration.ZERO)).hasMessageContaining("'ten'");
    }
}
