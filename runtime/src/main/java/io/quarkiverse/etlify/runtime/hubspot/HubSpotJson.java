package io.quarkiverse.etlify.runtime.hubspot;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The bodies of HubSpot's CRM v3 object endpoints that the adapter sends and reads (see
 * {@code objects.json}). Public only because the generated REST client must see them; not an API.
 */
public final class HubSpotJson {

    private HubSpotJson() {
    }

    /** {@code SimplePublicObjectInputForCreate}: the contract requires {@code associations}, even empty. */
    public record CreateInput(Map<String, String> properties, List<Object> associations) {
    }

    /** {@code SimplePublicObjectInput}. */
    public record UpdateInput(Map<String, String> properties) {
    }

    /** {@code BatchInput*}: at most 100 inputs. */
    public record Batch<T>(List<T> inputs) {
    }

    /** {@code SimplePublicObjectBatchInputForCreate}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreateItem(Map<String, String> properties, List<Object> associations, String objectWriteTraceId) {
    }

    /** {@code SimplePublicObjectBatchInput}: {@code id} is the HubSpot id. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UpdateItem(String id, Map<String, String> properties, String objectWriteTraceId) {
    }

    /** {@code SimplePublicObjectBatchInputUpsert}: {@code id} is the value of the unique {@code idProperty}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UpsertItem(String id, String idProperty, Map<String, String> properties, String objectWriteTraceId) {
    }

    /** {@code SimplePublicObjectId}. */
    public record IdItem(String id) {
    }

    /** {@code PublicObjectSearchRequest}: the contract requires every field but {@code query}. */
    public record SearchRequest(List<FilterGroup> filterGroups, List<String> sorts, List<String> properties, int limit,
            String after) {
    }

    /** {@code FilterGroup}: its filters must all match. */
    public record FilterGroup(List<Filter> filters) {
    }

    /** {@code Filter}. */
    public record Filter(String propertyName, String operator, String value) {
    }

    /** A written object, as far as the adapter reads it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ObjectAnswer(String id, Map<String, String> properties, String objectWriteTraceId) {

        public String property(String name) {
            return properties == null ? null : properties.get(name);
        }
    }

    /** {@code BatchResponse*}, with {@code errors} on 207 multi-status answers; also read for search results. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BatchAnswer(String status, List<ObjectAnswer> results, List<InputError> errors) {

        public List<ObjectAnswer> resultsOrEmpty() {
            return results == null ? List.of() : results;
        }

        public List<InputError> errorsOrEmpty() {
            return errors == null ? List.of() : errors;
        }
    }

    /** {@code StandardError}: one failed input of a batch; {@code context} names its trace id or ids. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InputError(String status, String category, String message, Map<String, List<String>> context) {

        public List<String> contextValues(String key) {
            return context == null || context.get(key) == null ? List.of() : context.get(key);
        }
    }
}
