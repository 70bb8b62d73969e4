package io.quarkiverse.etlify;

import java.util.Map;

/**
 * Turns an entity into the payload sent to the CRM: keys are CRM property names.
 * <p>
 * Implementations are CDI beans ({@code @ApplicationScoped} or {@code @Singleton}); Etlify calls
 * them inside a read-only transaction, so lazy associations can be navigated. Keep the output
 * deterministic (no volatile timestamps) so that unchanged records are not sent again.
 *
 * @param <T> the entity type; checked at build time against the {@link Etlified} entity
 */
@FunctionalInterface
public interface CrmSerializer<T> {

    /** Builds the CRM payload of an entity. */
    Map<String, Object> toPayload(T entity);
}
