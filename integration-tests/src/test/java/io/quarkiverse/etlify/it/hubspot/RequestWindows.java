package io.quarkiverse.etlify.it.hubspot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.quarkiverse.etlify.hubspot.sandbox.RecordedRequest;

/** How many requests the sandbox received within the busiest rolling window. */
final class RequestWindows {

    private RequestWindows() {
    }

    static int busiest(List<RecordedRequest> requests, Duration window) {
        List<Instant> times = requests.stream().map(RecordedRequest::timestamp).sorted().toList();
        int busiest = 0;
        int first = 0;
        for (int last = 0; last < times.size(); last++) {
            // as the sandbox counts: a request leaves the window once it is `window` old
            while (Duration.between(times.get(first), times.get(last)).compareTo(window) >= 0) {
                first++;
            }
            busiest = Math.max(busiest, last - first + 1);
        }
        return busiest;
    }
}
