package io.quarkiverse.etlify.hubspot.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Validates requests and responses against HubSpot's published OpenAPI contracts, which ship in this jar:
 * {@code /crm/v3/objects/contacts/...}, {@code companies} and {@code deals} against their own documents, every
 * other object type against the generic {@code objects.json}.
 * <p>
 * Besides the JSON schemas, the request checks enforce the limits the contract states only in prose: at most 100
 * batch inputs, a search {@code limit} of at most 200, at most 6 filter groups, a search query of at most 3000
 * characters. Authentication is not checked here (the sandbox checks bearer tokens itself).
 * <p>
 * Thread-safe; use {@link #bundled()} to share the parsed contracts.
 */
public final class ContractValidator {

    /** The contracts' location on the class path. */
    public static final String CONTRACTS_PATH = "/io/quarkiverse/etlify/hubspot/sandbox/contracts/";

    static final int MAX_BATCH_INPUTS = 100;
    static final int MAX_SEARCH_LIMIT = 200;
    static final int MAX_FILTER_GROUPS = 6;
    static final int MAX_QUERY_LENGTH = 3000;


    /**
     * One problem found.
     *
     * @param key the validator's message key, e.g. {@code validation.request.body.schema.type}
     * @param message the human-readable description
     */
    public record Finding(String key, String message) {
        @Override
        public String toString() {
            return key + ": " + message;
        }
    }

    private static final List<String> CONTRACTS = List.of("objects", "contacts", "companies", "deals");

    /** Which contract and path a request is checked with. */
    private record Target(String contract, String path) {
    }

    /**
     * Normalized object type to the contract dedicated to it and the literal type segment its paths use (deals.json
     * spells its paths {@code /crm/v3/objects/0-3/...}, not {@code deals}).
     */
    private final Map<String, String[]> dedicated = new LinkedHashMap<>();
    private final Map<String, OpenApiInteractionValidator> strict = new LinkedHashMap<>();
    /** Only needed to check error answers (in tests), so parsed on first use. */
    private volatile Map<String, OpenApiInteractionValidator> lenient;

    private ContractValidator() {
        for (String name : CONTRACTS) {
            String spec = read(name + ".json");
            strict.put(name, build(spec, false));
            if (!name.equals("objects")) {
                String segment = typeSegment(spec);
                dedicated.put(ObjectTypes.normalize(segment), new String[] { name, segment });
            }
        }
    }

    /** The shared validator over the bundled contracts (parsed once, on first use). */
    public static ContractValidator bundled() {
        return Holder.INSTANCE;
    }

    /** The contract document a path is validated against: {@code contacts.json}, ..., or {@code objects.json}. */
    public static String contractFor(String path) {
        return bundled().target(path).contract() + ".json";
    }

    /**
     * Validates one request.
     *
     * @param method the HTTP method
     * @param path the decoded request path, without query
     * @param query the decoded query parameters
     * @param contentType the {@code Content-Type} header, or {@code null}
     * @param body the request body, or {@code null}/empty when none was sent
     * @return the problems found, empty when the request conforms
     */
    public List<Finding> validateRequest(String method, String path, Map<String, List<String>> query,
            String contentType, String body) {
        Target target = target(path);
        SimpleRequest.Builder builder = new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT), target.path());
        if (contentType != null) {
            builder.withContentType(contentType);
        }
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        if (query != null) {
            query.forEach(builder::withQueryParam);
        }
        ValidationReport report = strict.get(target.contract()).validateRequest(builder.build());
        List<Finding> findings = errors(report);
        if (findings.isEmpty()) {
            findings.addAll(statedLimits(path, body));
        }
        return findings;
    }

    /**
     * Validates one response. Error bodies (status 400 and up) may carry fields the contract's {@code Error} schema
     * does not list, because HubSpot's real ones do ({@code status}, {@code errorType}, {@code policyName}...);
     * success bodies must not.
     *
     * @param method the HTTP method of the request
     * @param path the request path, without query
     * @param status the response status
     * @param contentType the response {@code Content-Type}, or {@code null}
     * @param body the response body, or {@code null}/empty when none
     * @return the problems found, empty when the response conforms
     */
    public List<Finding> validateResponse(String method, String path, int status, String contentType, String body) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            builder.withContentType(contentType);
        }
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        Map<String, OpenApiInteractionValidator> validators = status >= 400 ? lenient() : strict;
        Target target = target(path);
        ValidationReport report = validators.get(target.contract()).validateResponse(target.path(),
                Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), builder.build());
        return errors(report);
    }

    private Map<String, OpenApiInteractionValidator> lenient() {
        Map<String, OpenApiInteractionValidator> validators = lenient;
        if (validators == null) {
            synchronized (this) {
                validators = lenient;
                if (validators == null) {
                    validators = new LinkedHashMap<>();
                    for (String name : CONTRACTS) {
                        validators.put(name, build(read(name + ".json"), true));
                    }
                    lenient = validators;
                }
            }
        }
        return validators;
    }

    private static List<Finding> statedLimits(String path, String body) {
        List<Finding> findings = new ArrayList<>();
        if (body == null || body.isEmpty() || !path.startsWith(Route.OBJECTS_PREFIX)) {
            return findings;
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return findings;
        }
        if (path.contains("/batch/")) {
            JsonNode inputs = json.path("inputs");
            if (inputs.isArray() && inputs.size() > MAX_BATCH_INPUTS) {
                findings.add(new Finding("hubspot.request.batch.inputs.tooMany",
                        "Batch input has " + inputs.size() + " inputs; at most " + MAX_BATCH_INPUTS + " are allowed."));
            }
        }
        if (path.endsWith("/search")) {
            if (json.path("limit").asInt(0) > MAX_SEARCH_LIMIT) {
                findings.add(new Finding("hubspot.request.search.limit.tooLarge",
                        "Search limit " + json.path("limit").asInt() + " exceeds the maximum of " + MAX_SEARCH_LIMIT + "."));
            }
            if (json.path("filterGroups").size() > MAX_FILTER_GROUPS) {
                findings.add(new Finding("hubspot.request.search.filterGroups.tooMany",
                        "Search has " + json.path("filterGroups").size() + " filter groups; at most "
                                + MAX_FILTER_GROUPS + " are allowed."));
            }
            if (json.path("query").asText("").length() > MAX_QUERY_LENGTH) {
                findings.add(new Finding("hubspot.request.search.query.tooLong",
                        "Search query exceeds " + MAX_QUERY_LENGTH + " characters."));
            }
        }
        return findings;
    }

    private static List<Finding> errors(ValidationReport report) {
        List<Finding> findings = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                findings.add(new Finding(message.getKey(), message.getMessage()));
            }
        }
        return findings;
    }

    private Target target(String path) {
        if (path.startsWith(Route.OBJECTS_PREFIX)) {
            String rest = path.substring(Route.OBJECTS_PREFIX.length());
            int slash = rest.indexOf('/');
            String segment = slash < 0 ? rest : rest.substring(0, slash);
            String[] contract = dedicated.get(ObjectTypes.normalize(segment));
            if (contract != null) {
                return new Target(contract[0], Route.OBJECTS_PREFIX + contract[1] + (slash < 0 ? "" : rest.substring(slash)));
            }
        }
        return new Target("objects", path);
    }

    /** The object type segment of a dedicated contract's paths, e.g. {@code contacts} or {@code 0-3}. */
    private static String typeSegment(String spec) {
        try {
            String firstPath = Json.MAPPER.readTree(spec).path("paths").fieldNames().next();
            return firstPath.substring(Route.OBJECTS_PREFIX.length()).split("/")[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OpenApiInteractionValidator build(String spec, boolean tolerateAdditionalProperties) {
        LevelResolver.Builder levels = LevelResolver.create()
                // Auth is the sandbox's job: the contract's OAuth/private-app schemes cannot be checked from headers
                // alone and would only produce false failures.
                .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE);
        if (tolerateAdditionalProperties) {
            levels.withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE);
        }
        return OpenApiInteractionValidator.createForInlineApiSpecification(spec).withLevelResolver(levels.build()).build();
    }

    private static String read(String file) {
        try (InputStream in = ContractValidator.class.getResourceAsStream(CONTRACTS_PATH + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled contract " + CONTRACTS_PATH + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Holder {
        static final ContractValidator INSTANCE = new ContractValidator();
    }
}
