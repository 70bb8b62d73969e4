package io.quarkiverse.etlify.it.admin;

import java.nio.charset.StandardCharsets;
import java.security.Permission;
import java.security.Principal;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.credential.Credential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;

/**
 * The test application's security: no Quarkus security extension resolves offline here, so HTTP Basic users
 * are checked by a router filter that attaches the identity the way Quarkus security does
 * ({@link QuarkusHttpUser#setIdentity}). The admin endpoints read it from there, whoever put it.
 */
@ApplicationScoped
public class TestUsers {

    static final Map<String, String> PASSWORDS = Map.of("admin", "admin-secret", "viewer", "viewer-secret");
    static final Map<String, Set<String>> ROLES = Map.of("admin", Set.of("etlify-admin"), "viewer", Set.of("viewer"));

    void install(@Observes Router router) {
        router.route().order(-1_000).handler(rc -> {
            String header = rc.request().getHeader("Authorization");
            if (header != null && header.startsWith("Basic ")) {
                String[] credentials = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8)
                        .split(":", 2);
                if (credentials.length == 2 && credentials[1].equals(PASSWORDS.get(credentials[0]))) {
                    QuarkusHttpUser.setIdentity(new Identity(credentials[0], ROLES.get(credentials[0])), rc);
                }
            }
            rc.next();
        });
    }

    record Identity(String name, Set<String> roles) implements SecurityIdentity {

        @Override
        public Principal getPrincipal() {
            return () -> name;
        }

        @Override
        public boolean isAnonymous() {
            return false;
        }

        @Override
        public Set<String> getRoles() {
            return roles;
        }

        @Override
        public boolean hasRole(String role) {
            return roles.contains(role);
        }

        @Override
        public <T extends Credential> T getCredential(Class<T> type) {
            return null;
        }

        @Override
        public Set<Credential> getCredentials() {
            return Set.of();
        }

        @Override
        public <T> T getAttribute(String key) {
            return null;
        }

        @Override
        public Map<String, Object> getAttributes() {
            return Map.of();
        }

        @Override
        public Uni<Boolean> checkPermission(Permission permission) {
            return Uni.createFrom().item(false);
        }
    }
}
