package io.quarkiverse.etlify.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The demo's one user, {@code ops}, with Etlify's admin role and a password drawn at each start: Quarkus's HTTP
 * Basic authentication ({@code quarkus.http.auth.basic=true}) asks this provider, as it would ask the
 * properties-file or JDBC users of a real application.
 */
@ApplicationScoped
public class ConsoleUser implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final String NAME = "ops";

    private final String password = newPassword();

    @ConfigProperty(name = "quarkus.etlify.admin.role", defaultValue = "etlify-admin")
    String role;

    String name() {
        return NAME;
    }

    String password() {
        return password;
    }

    String role() {
        return role;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        byte[] given = new String(request.getPassword().getPassword()).getBytes(StandardCharsets.UTF_8);
        boolean matches = NAME.equals(request.getUsername())
                && MessageDigest.isEqual(given, password.getBytes(StandardCharsets.UTF_8));
        if (!matches) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(NAME))
                .addRole(role).build());
    }

    private static String newPassword() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
