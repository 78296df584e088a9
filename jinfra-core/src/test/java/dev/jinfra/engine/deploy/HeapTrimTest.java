package dev.jinfra.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapTrimTest {
    private static final long MB = 1L << 20;

    @Test
    void smallHeapsAreLeftAlone() {
        assertThat(HeapTrim.due(200 * MB, 0)).isFalse();
        assertThat(HeapTrim.due(HeapTrim.FLOOR_BYTES, 0)).isFalse();
    }

    @Test
    void aHeapPastTheFloorIsCollectedWhenItHasDoubledSinceTheLastCollection() {
        assertThat(HeapTrim.due(300 * MB, 0)).isTrue();
        assertThat(HeapTrim.due(300 * MB, 100 * MB)).isTrue();
        // The last collection kept 200 MB: that much is live, so 300 MB is not yet worth another.
        assertThat(HeapTrim.due(300 * MB, 200 * MB)).isFalse();
        assertThat(HeapTrim.due(401 * MB, 200 * MB)).isTrue();
    }
}
