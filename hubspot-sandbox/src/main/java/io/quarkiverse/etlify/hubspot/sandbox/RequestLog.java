package io.quarkiverse.etlify.hubspot.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recorded requests (the most recent ones, up to a capacity), counters (never trimmed) and contract violations.
 */
final class RequestLog {

    private final int capacity;
    private final ArrayDeque<RecordedRequest> requests = new ArrayDeque<>();
    private final List<ContractViolation> violations = new ArrayList<>();
    private final Map<Integer, Long> byStatus = new TreeMap<>();
    private final Map<EndpointKind, Long> byKind = new EnumMap<>(EndpointKind.class);
    private long total;

    RequestLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void record(RecordedRequest request) {
        total++;
        byStatus.merge(request.status(), 1L, Long::sum);
        byKind.merge(request.kind(), 1L, Long::sum);
        requests.addLast(request);
        while (requests.size() > capacity) {
            requests.removeFirst();
        }
    }

    synchronized void violation(ContractViolation violation) {
        violations.add(violation);
    }

    synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    synchronized List<ContractViolation> violations() {
        return List.copyOf(violations);
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

    synchronized long kind(EndpointKind kind) {
        return byKind.getOrDefault(kind, 0L);
    }

    synchronized Map<EndpointKind, Long> kinds() {
        return Map.copyOf(byKind);
    }

    synchronized void reset() {
        requests.clear();
        violations.clear();
        byStatus.clear();
        byKind.clear();
        total = 0;
    }
}
