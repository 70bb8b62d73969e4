package io.quarkiverse.etlify.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects the {@link io.quarkiverse.etlify.airtable.sandbox.AirtableSandbox} started by
 * {@link AirtableSandboxResource} into a field of a {@code @QuarkusTest}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectAirtableSandbox {
}
