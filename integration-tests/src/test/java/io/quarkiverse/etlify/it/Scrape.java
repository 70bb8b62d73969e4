package io.quarkiverse.etlify.it;

import static io.restassured.RestAssured.given;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads one sample of {@code /q/metrics} (Prometheus text format). */
public final class Scrape {

    private Scrape() {
    }

    /**
     * The value of the sample of that name whose labels include {@code labels} (name, value pairs),
     * summed over the samples matching; 0 when none does.
     */
    public static double value(String name, String... labels) {
        Map<String, String> wanted = pairs(labels);
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        for (String line : body.lines().toList()) {
            if (line.startsWith("#") || !line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            int open = line.indexOf('{');
            int close = line.lastIndexOf('}');
            Map<String, String> found = open < 0 ? Map.of()
                    : Arrays.stream(line.substring(open + 1, close).split(",")).filter(pair -> pair.contains("="))
                            .collect(Collectors.toMap(pair -> pair.substring(0, pair.indexOf('=')).trim(),
                                    pair -> pair.substring(pair.indexOf('=') + 1).trim().replace("\"", "")));
            if (found.entrySet().containsAll(wanted.entrySet())) {
                String value = line.substring((close < 0 ? line.indexOf(' ') : close + 1)).trim().split(" ")[0];
                sum += Double.parseDouble(value);
            }
        }
        return sum;
    }

    private static Map<String, String> pairs(String... labels) {
        Map<String, String> pairs = new java.util.HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            pairs.put(labels[i], labels[i + 1]);
        }
        return pairs;
    }
}
