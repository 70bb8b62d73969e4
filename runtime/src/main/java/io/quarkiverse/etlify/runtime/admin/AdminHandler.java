package io.quarkiverse.etlify.runtime.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves {@code /q/etlify/*} on a worker thread: the console page's files (see {@link ConsolePage}), and for the
 * API checks the caller's identity and role, routes the request to {@link AdminApi} and answers JSON; every
 * failure becomes {@code {"error": ..., "detail": ...}}, never a stack trace.
 */
final class AdminHandler implements io.vertx.core.Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(AdminHandler.class);
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private volatile AdminApi api;
    private final ConsolePage console = new ConsolePage();

    @Override
    public void handle(RoutingContext rc) {
        try {
            String path = path(rc);
            if (ConsolePage.serves(path)) {
                console.send(rc, path);
                return;
            }
            AdminApi admin = api();
            authorize(rc, admin.role());
            Object answer = route(rc, admin, path.split("/", -1));
            if (answer instanceof Accepted accepted) {
                send(rc, 202, accepted.body());
            } else {
                send(rc, 200, answer);
            }
        } catch (AdminException e) {
            send(rc, e.status, error(e.error, e.getMessage()));
        } catch (RuntimeException e) {
            // the message may quote the CRM's answer or a record's data: logged (redacted upstream), not returned
            LOG.errorf("Etlify admin request %s %s failed: %s", rc.request().method(), rc.normalizedPath(), causes(e));
            send(rc, 500, error("internal error", "the request failed; see the application log"));
        }
    }

    /** The exception's class and its causes' classes, without their messages. */
    private static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
            text.append(text.length() == 0 ? "" : " caused by ").append(t.getClass().getName());
            StackTraceElement[] trace = t.getStackTrace();
            if (trace.length > 0) {
                text.append(" at ").append(trace[0]);
            }
        }
        return text.toString();
    }

    private AdminApi api() {
        AdminApi a = api;
        if (a == null) {
            api = a = Arc.container().instance(AdminApi.class).get();
        }
        return a;
    }

    private static void authorize(RoutingContext rc, String role) {
        SecurityIdentity identity = QuarkusHttpUser.getSecurityIdentityBlocking(rc, null);
        if (identity == null || identity.isAnonymous()) {
            throw new AdminException(401, "unauthorized", "authenticate as a user with role " + role);
        }
        if (!identity.hasRole(role)) {
            throw new AdminException(403, "forbidden", "role " + role + " is required");
        }
    }

    /** The path below {@code /etlify/}, whatever root it is mounted under. */
    private static String path(RoutingContext rc) {
        String full = rc.normalizedPath();
        String mount = rc.mountPoint() == null ? "" : rc.mountPoint();
        String route = rc.currentRoute().getPath();
        String prefix = (mount.endsWith("/") ? mount.substring(0, mount.length() - 1) : mount)
                + (route == null ? "" : route);
        if (!prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        String rest = full.startsWith(prefix) ? full.substring(prefix.length()) : "";
        return rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
    }

    private static Object route(RoutingContext rc, AdminApi admin, String[] p) {
        HttpMethod method = rc.request().method();
        boolean get = method == HttpMethod.GET;
        boolean post = method == HttpMethod.POST;
        switch (p[0]) {
            case "crms":
                if (p.length == 1) {
                    return only(get, () -> admin.crms());
                }
                if (p.length >= 6 && p[2].equals("models") && p[4].equals("records")) {
                    String crm = decode(p[1]);
                    String model = decode(p[3]);
                    String id = decode(p[5]);
                    if (p.length == 6) {
                        return only(get, () -> admin.record(crm, model, id));
                    }
                    if (p.length == 7 && p[6].equals("sync")) {
                        return only(post, () -> {
                            body(rc);
                            return admin.syncRecord(crm, model, id);
                        });
                    }
                }
                break;
            case "status":
                if (p.length == 1) {
                    return only(get, admin::status);
                }
                break;
            case "resync":
                if (p.length == 1) {
                    return only(post, () -> new Accepted(admin.resync(body(rc))));
                }
                break;
            case "runs":
                if (p.length == 1) {
                    return only(get, () -> admin.runs(intParam(rc, "page", 0), intParam(rc, "size", 20)));
                }
                if (p.length == 2) {
                    return only(get, () -> admin.run(decode(p[1])));
                }
                break;
            case "failures":
                if (p.length == 1) {
                    return only(get, () -> admin.failures(param(rc, "crm"), param(rc, "model"), param(rc, "state"),
                            intParam(rc, "page", 0), intParam(rc, "size", 50)));
                }
                break;
            case "reset-errors":
                if (p.length == 1) {
                    return only(post, () -> admin.resetErrors(body(rc)));
                }
                break;
            default:
                break;
        }
        throw AdminException.notFound("no admin endpoint at " + rc.normalizedPath());
    }

    private static Object only(boolean methodMatches, java.util.function.Supplier<Object> answer) {
        if (!methodMatches) {
            throw new AdminException(405, "method not allowed", "this endpoint does not take that method");
        }
        return answer.get();
    }

    /** The request's JSON object; cross-site forms cannot send {@code application/json}, which is required. */
    private static JsonNode body(RoutingContext rc) {
        String type = rc.request().getHeader("Content-Type");
        String mediaType = type == null ? "" : type.split(";", 2)[0].trim();
        if (!mediaType.equalsIgnoreCase("application/json")) {
            throw new AdminException(415, "unsupported media type",
                    "send the body as application/json, got " + (type == null ? "no Content-Type" : mediaType));
        }
        String text = rc.body() == null ? null : rc.body().asString();
        if (text == null || text.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw AdminException.badRequest("the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw AdminException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String decode(String segment) {
        return java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String param(RoutingContext rc, String name) {
        String value = rc.queryParams().get(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static int intParam(RoutingContext rc, String name, int defaultValue) {
        String value = param(rc, name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw AdminException.badRequest(name + " must be a whole number, got " + value);
        }
    }

    static Map<String, Object> error(String error, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("detail", detail);
        return body;
    }

    private static void send(RoutingContext rc, int status, Object body) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            status = 500;
            json = "{\"error\":\"internal error\",\"detail\":\"the answer could not be written as JSON\"}";
        }
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store").putHeader("X-Content-Type-Options", "nosniff").end(json);
    }

    /** An answer sent with 202 Accepted. */
    record Accepted(Object body) {
    }
}
