package io.quarkiverse.etlify.airtable.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Ends request handling with one of Airtable's error answers: "The error messages will return a JSON-encoded
 * body that contains error and message fields" (https://airtable.com/developers/web/api/errors), shaped
 * {@code {"error": {"type": "...", "message": "..."}}}. Nothing of a request answered with an error is applied.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Missing or refused token (401; https://support.airtable.com/docs/airtable-api-common-troubleshooting). */
    static final String AUTHENTICATION_REQUIRED = "AUTHENTICATION_REQUIRED";
    /** Unknown base or table, or one the token may not reach (403; errors page, "403 Forbidden" example). */
    static final String INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND = "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND";
    /** An unknown route or record (404: "Route or resource is not found", errors page). */
    static final String NOT_FOUND = "NOT_FOUND";
    /** A field name or id the table does not have (422). */
    static final String UNKNOWN_FIELD_NAME = "UNKNOWN_FIELD_NAME";
    /** A value its field cannot take (422). */
    static final String INVALID_VALUE_FOR_COLUMN = "INVALID_VALUE_FOR_COLUMN";
    /** A select option the field does not have, sent without {@code typecast} (422). */
    static final String INVALID_MULTIPLE_CHOICE_OPTIONS = "INVALID_MULTIPLE_CHOICE_OPTIONS";
    /** Any other invalid request data (422: "The request data is invalid", errors page). */
    static final String INVALID_REQUEST_UNKNOWN = "INVALID_REQUEST_UNKNOWN";
    /** A body that is not JSON (400: "the request can't be parsed as a valid JSON", errors page). */
    static final String INVALID_REQUEST_BODY = "INVALID_REQUEST_BODY";
    /** Over the rate limit (429), the type Airtable's support pages name for it. */
    static final String TOO_MANY_REQUESTS = "TOO_MANY_REQUESTS";
    /** The message of a 429, as https://airtable.com/developers/web/api/errors quotes it. */
    static final String RATE_LIMIT_MESSAGE = "Rate limit exceeded. Please try again later";

    private final int status;
    private final String type;

    ApiError(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    static ApiError unprocessable(String type, String message) {
        return new ApiError(422, type, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, NOT_FOUND, message);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    ObjectNode body() {
        ObjectNode body = Json.object();
        body.putObject("error").put("type", type).put("message", getMessage());
        return body;
    }
}
