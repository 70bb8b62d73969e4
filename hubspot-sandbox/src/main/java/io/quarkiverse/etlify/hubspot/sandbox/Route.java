package io.quarkiverse.etlify.hubspot.sandbox;

import java.util.Locale;

/**
 * What a request addresses: the endpoint kind, the (normalized) object type and, for single-object calls, the id.
 */
record Route(EndpointKind kind, String objectType, String objectId) {

    static final String OBJECTS_PREFIX = "/crm/v3/objects/";

    static Route other() {
        return new Route(EndpointKind.OTHER, null, null);
    }

    /** Parses a decoded request path; anything that is not a known CRM object endpoint is {@link EndpointKind#OTHER}. */
    static Route of(String method, String path) {
        if (path == null || !path.startsWith(OBJECTS_PREFIX)) {
            return other();
        }
        String rest = path.substring(OBJECTS_PREFIX.length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        String[] segments = rest.split("/", -1);
        if (segments[0].isEmpty()) {
            return other();
        }
        String type = ObjectTypes.normalize(segments[0]);
        String m = method.toUpperCase(Locale.ROOT);
        switch (segments.length) {
            case 1:
                if (m.equals("GET")) {
                    return new Route(EndpointKind.LIST, type, null);
                }
                return m.equals("POST") ? new Route(EndpointKind.CREATE, type, null) : new Route(EndpointKind.OTHER, type, null);
            case 2:
                if (segments[1].equals("search") && m.equals("POST")) {
                    return new Route(EndpointKind.SEARCH, type, null);
                }
                if (segments[1].isEmpty()) {
                    return new Route(EndpointKind.OTHER, type, null);
                }
                return switch (m) {
                    case "GET" -> new Route(EndpointKind.READ, type, segments[1]);
                    case "PATCH" -> new Route(EndpointKind.UPDATE, type, segments[1]);
                    case "DELETE" -> new Route(EndpointKind.ARCHIVE, type, segments[1]);
                    default -> new Route(EndpointKind.OTHER, type, segments[1]);
                };
            case 3:
                if (!segments[1].equals("batch") || !m.equals("POST")) {
                    return new Route(EndpointKind.OTHER, type, null);
                }
                return switch (segments[2]) {
                    case "create" -> new Route(EndpointKind.BATCH_CREATE, type, null);
                    case "read" -> new Route(EndpointKind.BATCH_READ, type, null);
                    case "update" -> new Route(EndpointKind.BATCH_UPDATE, type, null);
                    case "upsert" -> new Route(EndpointKind.BATCH_UPSERT, type, null);
                    case "archive" -> new Route(EndpointKind.BATCH_ARCHIVE, type, null);
                    default -> new Route(EndpointKind.OTHER, type, null);
                };
            default:
                return new Route(EndpointKind.OTHER, type, null);
        }
    }
}
