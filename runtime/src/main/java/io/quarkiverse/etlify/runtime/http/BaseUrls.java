package io.quarkiverse.etlify.runtime.http;

import java.net.URI;

/** Base URLs of CRM APIs as configured. */
public final class BaseUrls {

    private BaseUrls() {
    }

    /** The base URL as a URI, or {@code null} when it is not an http(s) URL with a host. */
    public static URI parse(String baseUrl) {
        try {
            URI uri = URI.create(baseUrl.trim());
            if (uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // not a URI at all
        }
        return null;
    }
}
