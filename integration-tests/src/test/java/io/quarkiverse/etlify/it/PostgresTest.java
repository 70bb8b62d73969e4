package io.quarkiverse.etlify.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.quarkiverse.etlify.test.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Marks tests running against a real PostgreSQL (embedded unless QUARKUS_DATASOURCE_JDBC_URL is set). */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PostgresTest {
}
