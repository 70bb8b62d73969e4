package io.quarkiverse.etlify.airtable.sandbox;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Recorded requests (the most recent ones, up to a capacity) and counters (never trimmed). */
final class RequestLog {

    private final int capacity;
    private final ArrayDeque<RecordedRequest> requests = new ArrayDeque<>();
    private final Map<Integer, Long> byStatus = new TreeMap<>();
    private final Map<Endpoint, Long> byEndpoint = new EnumMap<>(Endpoint.class);
    private long total;

    RequestLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void record(RecordedRequest request) {
        total++;
        byStatus.merge(request.status(), 1L, Long::sum);
        byEndpoint.merge(request.endpoint(), 1L, Long::sum);
        requests.addLast(request);
        while (requests.size() > capacity) {
            requests.removeFirst();
        }
    }

    synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    synchronized long total() {
        return total;
    }

    synchronized long status(int status) {
        return byStatus.getOrDefault(status, 0L);
    }

    synchronized Map<Integer, Long> statuses() {
        return Map.copyOf(byStatus);
    }

    synchronized long endpoint(Endpoint endpoint) {
        return byEndpoint.getOrDefault(endpoint, 0L);
    }

    synchronized Map<Endpoint, Long> endpoints() {
        return Map.copyOf(byEndpoint);
    }

    synchronized void reset() {
        requests.clear();
        byStatus.clear();
        byEndpoint.clear();
        total = 0;
    }
}
