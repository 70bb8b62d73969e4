package io.quarkiverse.etlify.hubspot.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The CRM v3 object endpoints: turns a routed, authenticated, contract-valid request into store operations and a
 * HubSpot-shaped answer. Batch answers list results in reverse input order, as HubSpot does not keep input order.
 */
final class CrmObjectApi {

    private static final int DEFAULT_PAGE_SIZE = 10;
    private static final int MAX_LIST_LIMIT = 100;

    private final ObjectStore store;
    private final UniqueProperties uniqueProperties;
    private final FaultInjector faults;

    CrmObjectApi(ObjectStore store, UniqueProperties uniqueProperties, FaultInjector faults) {
        this.store = store;
        this.uniqueProperties = uniqueProperties;
        this.faults = faults;
    }

    SandboxResponse handle(Route route, Map<String, List<String>> query, String body, String correlationId) {
        Call call = new Call(route.objectType(), query, correlationId);
        return switch (route.kind()) {
            case CREATE -> call.create(parse(body, correlationId));
            case READ -> call.read(route.objectId());
            case UPDATE -> call.update(route.objectId(), parse(body, correlationId));
            case ARCHIVE -> call.archive(route.objectId());
            case LIST -> call.list();
            case BATCH_CREATE -> call.batchCreate(parse(body, correlationId));
            case BATCH_READ -> call.batchRead(parse(body, correlationId));
            case BATCH_UPDATE -> call.batchUpdate(parse(body, correlationId));
            case BATCH_UPSERT -> call.batchUpsert(parse(body, correlationId));
            case BATCH_ARCHIVE -> call.batchArchive(parse(body, correlationId));
            case SEARCH -> call.search(parse(body, correlationId));
            case OTHER -> throw HubSpotErrors.notFound(correlationId);
        };
    }

    private static JsonNode parse(String body, String correlationId) {
        try {
            JsonNode json = body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
            if (json == null || !json.isObject()) {
                throw HubSpotErrors.validation("Invalid input JSON: a JSON object body is required", correlationId);
            }
            return json;
        } catch (JsonProcessingException e) {
            throw HubSpotErrors.validation("Invalid input JSON: " + e.getOriginalMessage(), correlationId);
        }
    }

    /** The state of one call: object type, query and correlation id. */
    private final class Call {
        private final String type;
        private final Map<String, List<String>> query;
        private final String correlationId;
        private final Instant startedAt = Instant.now();

        Call(String type, Map<String, List<String>> query, String correlationId) {
            this.type = type;
            this.query = query;
            this.correlationId = correlationId;
        }

        SandboxResponse create(JsonNode json) {
            Map<String, String> properties = properties(json.path("properties"));
            inputProblem(properties).ifPresent(message -> {
                throw HubSpotErrors.validation(message, correlationId);
            });
            try {
                return new SandboxResponse(201, render(store.create(type, properties), null, null, null));
            } catch (UniqueConflictException e) {
                throw HubSpotErrors.conflict(type, e, correlationId);
            }
        }

        SandboxResponse read(String objectId) {
            String idProperty = queryValue("idProperty");
            checkIdProperty(idProperty);
            boolean archived = Boolean.parseBoolean(queryValue("archived"));
            CrmObject object = find(objectId, idProperty, archived).orElseThrow(() -> notFound(objectId, idProperty));
            return new SandboxResponse(200, render(object, requested(queryList("properties")), null, null));
        }

        SandboxResponse update(String objectId, JsonNode json) {
            String idProperty = queryValue("idProperty");
            checkIdProperty(idProperty);
            Map<String, String> properties = properties(json.path("properties"));
            inputProblem(properties).ifPresent(message -> {
                throw HubSpotErrors.validation(message, correlationId);
            });
            String id = store.resolveId(type, objectId, idProperty);
            try {
                Optional<CrmObject> updated = id == null ? Optional.empty() : store.update(type, id, properties);
                return new SandboxResponse(200,
                        render(updated.orElseThrow(() -> notFound(objectId, idProperty)), null, null, null));
            } catch (UniqueConflictException e) {
                throw HubSpotErrors.conflict(type, e, correlationId);
            }
        }

        SandboxResponse archive(String objectId) {
            String idProperty = queryValue("idProperty");
            checkIdProperty(idProperty);
            String id = store.resolveId(type, objectId, idProperty);
            if (id == null || !store.archive(type, id)) {
                throw notFound(objectId, idProperty);
            }
            return SandboxResponse.noContent();
        }

        SandboxResponse list() {
            boolean archived = Boolean.parseBoolean(queryValue("archived"));
            int limit = parseInt(queryValue("limit"), DEFAULT_PAGE_SIZE, "limit");
            if (limit < 1 || limit > MAX_LIST_LIMIT) {
                throw HubSpotErrors.validation("limit must be between 1 and " + MAX_LIST_LIMIT, correlationId);
            }
            int offset = parseInt(queryValue("after"), 0, "after");
            List<CrmObject> all = store.list(type, archived);
            ObjectNode body = Json.object();
            ArrayNode results = body.putArray("results");
            Collection<String> properties = requested(queryList("properties"));
            all.stream().skip(offset).limit(limit).forEach(o -> results.add(render(o, properties, null, null)));
            if (offset + limit < all.size()) {
                String after = Integer.toString(offset + limit);
                body.putObject("paging").putObject("next").put("after", after).put("link", "?after=" + after);
            }
            return new SandboxResponse(200, body);
        }

        SandboxResponse batchCreate(JsonNode json) {
            List<ObjectNode> results = new ArrayList<>();
            List<ObjectNode> errors = new ArrayList<>();
            for (JsonNode input : json.path("inputs")) {
                Map<String, String> properties = properties(input.path("properties"));
                String traceId = input.path("objectWriteTraceId").asText(null);
                Optional<String> problem = inputProblem(properties);
                if (problem.isPresent()) {
                    errors.add(inputError(HubSpotErrors.VALIDATION_ERROR, problem.get(), traceId, null));
                    continue;
                }
                try {
                    results.add(render(store.create(type, properties), null, traceId, null));
                } catch (UniqueConflictException e) {
                    errors.add(conflictError(e, traceId));
                }
            }
            return batchAnswer(201, results, errors);
        }

        SandboxResponse batchRead(JsonNode json) {
            String idProperty = json.path("idProperty").asText(null);
            checkIdProperty(idProperty);
            boolean archived = Boolean.parseBoolean(queryValue("archived"));
            Collection<String> properties = requested(strings(json.path("properties")));
            List<ObjectNode> results = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (JsonNode input : json.path("inputs")) {
                String id = input.path("id").asText();
                Optional<CrmObject> object = find(id, idProperty, archived);
                if (object.isPresent()) {
                    results.add(render(object.get(), properties, null, null));
                } else {
                    missing.add(id);
                }
            }
            return batchAnswer(200, results, notFoundErrors(missing));
        }

        SandboxResponse batchUpdate(JsonNode json) {
            checkBatchIds(json.path("inputs"), true);
            List<ObjectNode> results = new ArrayList<>();
            List<ObjectNode> errors = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (JsonNode input : json.path("inputs")) {
                String objectId = input.path("id").asText();
                String idProperty = input.path("idProperty").asText(null);
                String traceId = input.path("objectWriteTraceId").asText(null);
                Map<String, String> properties = properties(input.path("properties"));
                Optional<String> problem = inputProblem(properties);
                if (problem.isPresent()) {
                    errors.add(inputError(HubSpotErrors.VALIDATION_ERROR, problem.get(), traceId, objectId));
                    continue;
                }
                String id = store.resolveId(type, objectId, idProperty);
                try {
                    Optional<CrmObject> updated = id == null ? Optional.empty() : store.update(type, id, properties);
                    if (updated.isPresent()) {
                        results.add(render(updated.get(), null, traceId, null));
                    } else {
                        missing.add(objectId);
                    }
                } catch (UniqueConflictException e) {
                    errors.add(conflictError(e, traceId));
                }
            }
            errors.addAll(notFoundErrors(missing));
            return batchAnswer(200, results, errors);
        }

        SandboxResponse batchUpsert(JsonNode json) {
            checkBatchIds(json.path("inputs"), false);
            List<ObjectNode> results = new ArrayList<>();
            List<ObjectNode> errors = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (JsonNode input : json.path("inputs")) {
                String objectId = input.path("id").asText();
                String idProperty = input.path("idProperty").asText(ObjectTypes.HS_OBJECT_ID);
                String traceId = input.path("objectWriteTraceId").asText(null);
                Map<String, String> properties = properties(input.path("properties"));
                Optional<String> problem = inputProblem(properties);
                if (problem.isPresent()) {
                    errors.add(inputError(HubSpotErrors.VALIDATION_ERROR, problem.get(), traceId, objectId));
                    continue;
                }
                try {
                    Optional<ObjectStore.Upserted> upserted = store.upsert(type, idProperty, objectId, properties);
                    if (upserted.isPresent()) {
                        results.add(render(upserted.get().object(), null, traceId, upserted.get().created()));
                    } else {
                        missing.add(objectId);
                    }
                } catch (UniqueConflictException e) {
                    errors.add(conflictError(e, traceId));
                }
            }
            errors.addAll(notFoundErrors(missing));
            return batchAnswer(200, results, errors);
        }

        SandboxResponse batchArchive(JsonNode json) {
            // HubSpot answers 204 whether or not the ids exist.
            for (JsonNode input : json.path("inputs")) {
                store.archive(type, input.path("id").asText());
            }
            return SandboxResponse.noContent();
        }

        SandboxResponse search(JsonNode json) {
            SearchMatcher matcher = new SearchMatcher(json.path("filterGroups"), json.path("query").asText(null));
            List<String> unsupported = matcher.unsupported();
            if (!unsupported.isEmpty()) {
                throw HubSpotErrors.validation(unsupported.get(0), correlationId);
            }
            int limit = json.path("limit").isMissingNode() ? DEFAULT_PAGE_SIZE : json.path("limit").asInt();
            if (limit < 0 || limit > ContractValidator.MAX_SEARCH_LIMIT) {
                throw HubSpotErrors.validation("limit must be between 0 and " + ContractValidator.MAX_SEARCH_LIMIT,
                        correlationId);
            }
            String afterText = json.path("after").asText("");
            int offset = afterText.isEmpty() ? 0 : parseInt(afterText, 0, "after");
            List<CrmObject> matches = new ArrayList<>();
            for (CrmObject object : store.list(type, false)) {
                if (matcher.matches(object)) {
                    matches.add(object);
                }
            }
            matches.sort(sortOrder(strings(json.path("sorts"))));
            Collection<String> properties = requested(strings(json.path("properties")));
            ObjectNode body = Json.object();
            body.put("total", matches.size());
            ArrayNode results = body.putArray("results");
            matches.stream().skip(offset).limit(limit).forEach(o -> results.add(render(o, properties, null, null)));
            if (offset + limit < matches.size() && limit > 0) {
                String after = Integer.toString(offset + limit);
                body.putObject("paging").putObject("next").put("after", after).put("link", "?after=" + after);
            }
            return new SandboxResponse(200, body);
        }

        private Optional<CrmObject> find(String objectId, String idProperty, boolean archived) {
            String id = archived && idProperty != null && !ObjectTypes.HS_OBJECT_ID.equals(idProperty) ? null
                    : store.resolveId(type, objectId, idProperty);
            return id == null ? Optional.empty() : store.get(type, id, archived);
        }

        /** Read-only properties and injected failures, as HubSpot's property validation would report them. */
        private Optional<String> inputProblem(Map<String, String> properties) {
            for (String name : properties.keySet()) {
                if (ObjectTypes.isReadOnly(name)) {
                    return Optional.of(propertyError(name, name + " is a read only property; its value cannot be set.",
                            "READ_ONLY_VALUE"));
                }
            }
            return faults.inputFailure(type, properties);
        }

        private void checkIdProperty(String idProperty) {
            if (idProperty != null && !uniqueProperties.isUnique(type, idProperty)) {
                throw HubSpotErrors.validation("Invalid idProperty \"" + idProperty + "\": " + idProperty
                        + " is not a unique value property of " + type
                        + ". Use hs_object_id or a property that requires unique values.", correlationId);
            }
        }

        /** Upfront checks HubSpot applies to a whole batch: usable idProperty values and no duplicate ids. */
        private void checkBatchIds(JsonNode inputs, boolean update) {
            Set<String> seen = new HashSet<>();
            Set<String> duplicates = new LinkedHashSet<>();
            for (JsonNode input : inputs) {
                String idProperty = input.path("idProperty").asText(update ? null : ObjectTypes.HS_OBJECT_ID);
                checkIdProperty(idProperty);
                String id = input.path("id").asText();
                String key = (idProperty == null ? ObjectTypes.HS_OBJECT_ID : idProperty) + "\u0000"
                        + uniqueProperties.normalize(type, idProperty, id);
                if (!seen.add(key)) {
                    duplicates.add(id);
                }
            }
            if (!duplicates.isEmpty()) {
                throw HubSpotErrors.validation("Duplicate IDs found in batch input: " + duplicates
                        + ". IDs must be unique", correlationId);
            }
        }

        private ApiException notFound(String objectId, String idProperty) {
            if (idProperty == null && !objectId.chars().allMatch(Character::isDigit)) {
                return new ApiException(HubSpotErrors.response(404, HubSpotErrors.OBJECT_NOT_FOUND,
                        "Object not found.  objectId are usually numeric.", correlationId));
            }
            return HubSpotErrors.notFound(correlationId);
        }

        private ObjectNode inputError(String category, String message, String traceId, String objectId) {
            Map<String, List<String>> context = new LinkedHashMap<>();
            if (traceId != null) {
                context.put("objectWriteTraceId", List.of(traceId));
            }
            if (objectId != null) {
                context.put("ids", List.of(objectId));
            }
            return HubSpotErrors.batchError(category, message, context);
        }

        private ObjectNode conflictError(UniqueConflictException e, String traceId) {
            Map<String, List<String>> context = new LinkedHashMap<>();
            if (traceId != null) {
                context.put("objectWriteTraceId", List.of(traceId));
            }
            context.put("existingId", List.of(e.existingId()));
            context.put("propertyName", List.of(e.property()));
            return HubSpotErrors.batchError(HubSpotErrors.CONFLICT,
                    HubSpotErrors.conflictMessage(type, e.existingId()), context);
        }

        /** HubSpot reports all unknown ids of a batch in one error. */
        private List<ObjectNode> notFoundErrors(List<String> missing) {
            if (missing.isEmpty()) {
                return List.of();
            }
            return List.of(HubSpotErrors.batchError(HubSpotErrors.OBJECT_NOT_FOUND,
                    "Could not get some " + ObjectTypes.upperName(type)
                            + " objects, they may be deleted or not exist. Check that ids are valid.",
                    Map.of("ids", missing)));
        }

        private SandboxResponse batchAnswer(int successStatus, List<ObjectNode> results, List<ObjectNode> errors) {
            ObjectNode body = Json.object();
            body.put("status", "COMPLETE");
            List<ObjectNode> shuffled = new ArrayList<>(results);
            Collections.reverse(shuffled);
            body.putArray("results").addAll(shuffled);
            if (!errors.isEmpty()) {
                body.put("numErrors", errors.size());
                body.putArray("errors").addAll(errors);
            }
            body.put("startedAt", ObjectStore.TIMESTAMP.format(startedAt));
            body.put("completedAt", ObjectStore.TIMESTAMP.format(Instant.now()));
            return new SandboxResponse(errors.isEmpty() ? successStatus : 207, body);
        }

        private String queryValue(String name) {
            List<String> values = query.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** Query list parameters, accepting both repeated parameters and comma-separated values. */
        private List<String> queryList(String name) {
            List<String> values = new ArrayList<>();
            for (String value : query.getOrDefault(name, List.of())) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        values.add(part.trim());
                    }
                }
            }
            return values;
        }

        private int parseInt(String value, int fallback, String name) {
            if (value == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw HubSpotErrors.validation("Invalid value for " + name + ": " + value, correlationId);
            }
        }

        /** What a read returns: the requested properties, or the type's defaults, plus the system ones. */
        private Collection<String> requested(List<String> properties) {
            Set<String> names = new LinkedHashSet<>(
                    properties.isEmpty() ? ObjectTypes.defaultProperties(type) : properties);
            names.addAll(ObjectTypes.ALWAYS_RETURNED);
            return names;
        }
    }

    /** Sorts given as property names, {@code -name} meaning descending; then by id. */
    private static Comparator<CrmObject> sortOrder(List<String> sorts) {
        Comparator<CrmObject> order = (a, b) -> 0;
        for (String sort : sorts) {
            boolean descending = sort.startsWith("-");
            String property = descending ? sort.substring(1) : sort;
            Comparator<CrmObject> byProperty = Comparator.comparing(o -> o.property(property),
                    Comparator.nullsLast(Comparator.naturalOrder()));
            order = order.thenComparing(descending ? byProperty.reversed() : byProperty);
        }
        return order.thenComparing(o -> Long.parseLong(o.id()));
    }

    static ObjectNode render(CrmObject object, Collection<String> properties, String traceId, Boolean created) {
        ObjectNode node = Json.object();
        node.put("id", object.id());
        ObjectNode props = node.putObject("properties");
        if (properties == null) {
            object.properties().forEach(props::put);
        } else {
            for (String name : properties) {
                String value = object.property(name);
                if (value != null) {
                    props.put(name, value);
                }
            }
        }
        node.put("createdAt", ObjectStore.TIMESTAMP.format(object.createdAt()));
        node.put("updatedAt", ObjectStore.TIMESTAMP.format(object.updatedAt()));
        node.put("archived", object.archived());
        if (object.archivedAt() != null) {
            node.put("archivedAt", ObjectStore.TIMESTAMP.format(object.archivedAt()));
        }
        if (traceId != null) {
            node.put("objectWriteTraceId", traceId);
        }
        if (created != null) {
            node.put("new", created);
        }
        return node;
    }

    private static Map<String, String> properties(JsonNode node) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            properties.put(property.getKey(), property.getValue().isNull() ? "" : property.getValue().asText());
        }
        return properties;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add(value.asText());
        }
        return values;
    }

    private static String propertyError(String name, String message, String error) {
        ObjectNode detail = Json.object();
        detail.put("isValid", false);
        detail.put("message", message);
        detail.put("error", error);
        detail.put("name", name);
        return "Property values were not valid: " + Json.write(List.of(detail));
    }
}
