package io.quarkiverse.etlify.runtime.http;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.api.LoggingScope;

/** The logging scope of a CRM's REST client, which carries its access token in every request. */
public final class ClientLogging {

    private static final Logger LOG = Logger.getLogger(ClientLogging.class);

    private ClientLogging() {
    }

    /**
     * The scope asked for by {@code quarkus.rest-client.logging.scope}, except {@code all}: that one also
     * logs the raw network traffic, where the token cannot be masked, so the client logs requests and
     * responses only (through {@link MaskingClientLogger}).
     *
     * @param asked the configured scope, if any
     * @param client what the client is, for the message, e.g. {@code The HubSpot client of CRM hubspot}
     */
    public static LoggingScope scope(Optional<String> asked, String client) {
        LoggingScope scope = asked.map(LoggingScope::forName).orElse(LoggingScope.NONE);
        if (scope == LoggingScope.ALL) {
            LOG.infof("%s logs requests and responses (request-response) but not the network traffic asked for by"
                    + " quarkus.rest-client.logging.scope=all, which would show its access token", client);
            return LoggingScope.REQUEST_RESPONSE;
        }
        return scope;
    }
}
