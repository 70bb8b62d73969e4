package io.quarkiverse.etlify.runtime.admin;

import java.util.function.Consumer;

import io.quarkus.runtime.annotations.Recorder;
import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

/** Builds the admin endpoints' route at start-up. */
@Recorder
public class EtlifyAdminRecorder {

    /** The handler of every {@code /q/etlify} request. */
    public Handler<RoutingContext> handler() {
        return new AdminHandler();
    }

    /** Reads request bodies (within the HTTP limits) before the handler runs. */
    public Consumer<Route> readingBodies(Handler<RoutingContext> bodyHandler) {
        return route -> route.handler(bodyHandler);
    }
}
