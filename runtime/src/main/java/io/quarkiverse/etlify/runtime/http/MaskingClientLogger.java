package io.quarkiverse.etlify.runtime.http;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.api.ClientLogger;
import org.jboss.resteasy.reactive.client.logging.DefaultClientLogger;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

/**
 * Logs a CRM client's requests and responses when {@code quarkus.rest-client.logging.scope} asks for it,
 * in the format and category of Quarkus' own client logger (so the levels users set for
 * {@code org.jboss.resteasy.reactive.client.logging} apply), but with credentials masked: the default
 * logger prints {@code Authorization=Bearer <token>} on every request line.
 */
public final class MaskingClientLogger implements ClientLogger {

    static final String MASK = "***";

    private static final Logger LOG = Logger.getLogger(DefaultClientLogger.class);
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie");

    private final String token;
    private int bodySize;

    public MaskingClientLogger(String token) {
        this.token = token;
    }

    @Override
    public void setBodySize(int bodySize) {
        this.bodySize = bodySize;
    }

    @Override
    public void logRequest(HttpClientRequest request, Buffer body, boolean omitBody) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String line = "Request: " + request.getMethod() + " " + request.absoluteURI() + " Headers["
                + headers(request.headers()) + "], " + body(body, omitBody);
        LOG.info(masked(line));
    }

    @Override
    public void logResponse(HttpClientResponse response, boolean redirect) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        response.bodyHandler(body -> LOG.info(masked((redirect ? "Redirect" : "Response") + ": "
                + response.request().getMethod() + " " + response.request().absoluteURI() + ", Status["
                + response.statusCode() + " " + response.statusMessage() + "], Headers[" + headers(response.headers())
                + "], " + body(body, false))));
    }

    private String body(Buffer body, boolean omitBody) {
        if (omitBody) {
            return "Body omitted";
        }
        if (body == null || body.length() == 0) {
            return "Empty body";
        }
        String text = body.toString();
        return "Body:\n" + (bodySize > 0 && text.length() > bodySize ? text.substring(0, bodySize) : text);
    }

    private static String headers(MultiMap headers) {
        StringJoiner joined = new StringJoiner(" ");
        for (Map.Entry<String, String> header : headers) {
            joined.add(header.getKey() + "=" + (CREDENTIAL_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))
                    ? maskCredential(header.getValue())
                    : header.getValue()));
        }
        return joined.toString();
    }

    /** {@code Bearer ***}: which scheme was sent is worth seeing, the credential is not. */
    private static String maskCredential(String value) {
        int space = value.indexOf(' ');
        return space > 0 ? value.substring(0, space) + " " + MASK : MASK;
    }

    // the token anywhere else: a URL, a body, an echo in an answer
    private String masked(String line) {
        return token.isEmpty() ? line : line.replace(token, MASK);
    }
}
