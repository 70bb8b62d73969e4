package io.quarkiverse.etlify.runtime.hubspot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Splits batch inputs into requests HubSpot accepts: at most {@code size} inputs, no id twice in one request. */
final class Chunks {

    private Chunks() {
    }

    /**
     * The items in chunks of at most {@code size}, in order; an item whose key (when not {@code null})
     * is already in a chunk goes to a later one, since HubSpot refuses a whole batch with a duplicate id.
     */
    static <T> List<List<T>> of(List<T> items, Function<T, String> key, int size) {
        List<List<T>> chunks = new ArrayList<>();
        List<Set<String>> keys = new ArrayList<>();
        int firstOpen = 0;
        for (T item : items) {
            String k = key.apply(item);
            int target = -1;
            for (int i = firstOpen; i < chunks.size() && target < 0; i++) {
                if (chunks.get(i).size() < size && (k == null || !keys.get(i).contains(k))) {
                    target = i;
                }
            }
            if (target < 0) {
                chunks.add(new ArrayList<>());
                keys.add(new HashSet<>());
                target = chunks.size() - 1;
            }
            chunks.get(target).add(item);
            if (k != null) {
                keys.get(target).add(k);
            }
            while (firstOpen < chunks.size() && chunks.get(firstOpen).size() >= size) {
                firstOpen++;
            }
        }
        return chunks;
    }
}
