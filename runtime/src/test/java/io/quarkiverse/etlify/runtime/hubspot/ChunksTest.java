package io.quarkiverse.etlify.runtime.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ChunksTest {

    @Test
    void splitsInOrderIntoChunksOfAtMostTheSize() {
        List<Integer> items = IntStream.range(0, 250).boxed().toList();

        List<List<Integer>> chunks = Chunks.of(items, item -> null, 100);

        assertThat(chunks).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(items);
    }

    @Test
    void neverPutsTheSameIdTwiceInOneChunk() {
        List<String> items = new ArrayList<>(List.of("a", "b", "a", "c", "a", "b"));

        List<List<String>> chunks = Chunks.of(items, Function.identity(), 100);

        assertThat(chunks).containsExactly(List.of("a", "b", "c"), List.of("a", "b"), List.of("a"));
    }

    @Test
    void anEmptyListHasNoChunk() {
        assertThat(Chunks.of(List.<String> of(), Function.identity(), 100)).isEmpty();
    }
}
