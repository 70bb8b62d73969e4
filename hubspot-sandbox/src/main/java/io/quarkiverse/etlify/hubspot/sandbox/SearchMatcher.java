package io.quarkiverse.etlify.hubspot.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Evaluates a search request's {@code filterGroups} (OR between groups, AND within a group) and free-text
 * {@code query}. String comparisons ignore case, as HubSpot's do; ordering operators compare numbers, and dates as
 * epoch milliseconds, when both sides parse as such.
 */
final class SearchMatcher {

    private final JsonNode filterGroups;
    private final String query;

    SearchMatcher(JsonNode filterGroups, String query) {
        this.filterGroups = filterGroups;
        this.query = query == null || query.isBlank() ? null : query.toLowerCase(Locale.ROOT);
    }

    /** Rejects operators the sandbox cannot evaluate, before any object is looked at. */
    List<String> unsupported() {
        List<String> problems = new ArrayList<>();
        for (JsonNode group : filterGroups) {
            for (JsonNode filter : group.path("filters")) {
                String operator = filter.path("operator").asText();
                if (!List.of("EQ", "NEQ", "LT", "LTE", "GT", "GTE", "BETWEEN", "IN", "NOT_IN", "HAS_PROPERTY",
                        "NOT_HAS_PROPERTY", "CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN").contains(operator)) {
                    problems.add("Unsupported filter operator " + operator);
                }
            }
        }
        return problems;
    }

    boolean matches(CrmObject object) {
        if (query != null && object.properties().values().stream()
                .noneMatch(v -> v.toLowerCase(Locale.ROOT).contains(query))) {
            return false;
        }
        if (filterGroups == null || filterGroups.isEmpty()) {
            return true;
        }
        for (JsonNode group : filterGroups) {
            if (allMatch(object, group.path("filters"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean allMatch(CrmObject object, JsonNode filters) {
        for (JsonNode filter : filters) {
            if (!matches(object.property(filter.path("propertyName").asText()), filter)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(String actual, JsonNode filter) {
        String value = filter.path("value").asText(null);
        switch (filter.path("operator").asText()) {
            case "EQ":
                return actual != null && value != null && equal(actual, value);
            case "NEQ":
                return actual == null || value == null || !equal(actual, value);
            case "IN":
                return actual != null && anyEqual(actual, filter.path("values"));
            case "NOT_IN":
                return actual == null || !anyEqual(actual, filter.path("values"));
            case "HAS_PROPERTY":
                return actual != null;
            case "NOT_HAS_PROPERTY":
                return actual == null;
            case "GT":
                return actual != null && value != null && compare(actual, value) > 0;
            case "GTE":
                return actual != null && value != null && compare(actual, value) >= 0;
            case "LT":
                return actual != null && value != null && compare(actual, value) < 0;
            case "LTE":
                return actual != null && value != null && compare(actual, value) <= 0;
            case "BETWEEN":
                String high = filter.path("highValue").asText(null);
                return actual != null && value != null && high != null && compare(actual, value) >= 0
                        && compare(actual, high) <= 0;
            case "CONTAINS_TOKEN":
                return actual != null && value != null && containsToken(actual, value);
            case "NOT_CONTAINS_TOKEN":
                return actual == null || value == null || !containsToken(actual, value);
            default:
                return false;
        }
    }

    private static boolean equal(String actual, String value) {
        if (actual.equalsIgnoreCase(value)) {
            return true;
        }
        BigDecimal a = comparable(actual);
        BigDecimal b = comparable(value);
        return a != null && b != null && a.compareTo(b) == 0;
    }

    private static boolean anyEqual(String actual, JsonNode values) {
        for (JsonNode value : values) {
            if (equal(actual, value.asText())) {
                return true;
            }
        }
        return false;
    }

    private static int compare(String actual, String value) {
        BigDecimal a = comparable(actual);
        BigDecimal b = comparable(value);
        if (a != null && b != null) {
            return a.compareTo(b);
        }
        return actual.compareToIgnoreCase(value);
    }

    /** Numbers as they are; ISO timestamps as epoch milliseconds, so dates compare with HubSpot's millis filters. */
    private static BigDecimal comparable(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            try {
                return BigDecimal.valueOf(Instant.parse(value).toEpochMilli());
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** A token is a word of the value; {@code *} in the filter value is a wildcard. */
    private static boolean containsToken(String actual, String token) {
        Pattern pattern = Pattern.compile(
                ("\\Q" + token.toLowerCase(Locale.ROOT) + "\\E").replace("*", "\\E.*\\Q"));
        for (String word : actual.toLowerCase(Locale.ROOT).split("[\\s,;@.]+")) {
            if (pattern.matcher(word).matches()) {
                return true;
            }
        }
        return pattern.matcher(actual.toLowerCase(Locale.ROOT)).matches();
    }
}
