package io.quarkiverse.etlify.runtime.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * The console page's three static files, {@code /q/etlify/console} and its {@code console.js} and {@code console.css}
 * next to it. They are served without the admin role: they hold no data, are the same for everyone (they ship in
 * this jar), and the browser must load them to show the console's own login form, since the API's 401 carries no
 * challenge a browser would answer. Every call they make to the API needs the role.
 */
final class ConsolePage {

    /** Where the files live in the runtime jar (registered as native-image resources by the build). */
    static final String FOLDER = "META-INF/etlify-console/";

    /** The files, by the path below {@code /etlify/} they answer. */
    private static final Map<String, Asset> ASSETS = Map.of(
            "console", new Asset("console.html", "text/html; charset=utf-8"),
            "console.js", new Asset("console.js", "text/javascript; charset=utf-8"),
            "console.css", new Asset("console.css", "text/css; charset=utf-8"));

    /** Scripts, styles and calls from this origin only: no inline script, so injected markup could not run. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    private final Map<String, byte[]> contents = new ConcurrentHashMap<>();

    /** The resource names of the files, for the build. */
    static List<String> resources() {
        return ASSETS.values().stream().map(asset -> FOLDER + asset.file()).sorted().toList();
    }

    static boolean serves(String path) {
        return ASSETS.containsKey(path);
    }

    void send(RoutingContext rc, String path) {
        if (rc.request().method() != HttpMethod.GET) {
            throw new AdminException(405, "method not allowed", "the console's files are read with GET");
        }
        if (path.equals("console") && rc.normalizedPath().endsWith("/")) {
            // the page's relative links (console.js, crms, ...) resolve against the URL without the slash
            rc.response().setStatusCode(301).putHeader("Location", "../console").putHeader("Cache-Control", "no-store")
                    .end();
            return;
        }
        Asset asset = ASSETS.get(path);
        rc.response().setStatusCode(200)
                .putHeader("Content-Type", asset.contentType())
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .end(Buffer.buffer(contents.computeIfAbsent(asset.file(), ConsolePage::read)));
    }

    private static byte[] read(String file) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : ConsolePage.class.getClassLoader())
                .getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("the runtime jar lacks " + FOLDER + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Asset(String file, String contentType) {
    }
}
