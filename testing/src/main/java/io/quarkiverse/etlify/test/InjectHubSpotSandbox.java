package io.quarkiverse.etlify.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects the {@link io.quarkiverse.etlify.hubspot.sandbox.HubSpotSandbox} started by
 * {@link HubSpotSandboxResource} into a field of a {@code @QuarkusTest}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectHubSpotSandbox {
}
