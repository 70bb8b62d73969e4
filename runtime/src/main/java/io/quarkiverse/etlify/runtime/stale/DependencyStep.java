package io.quarkiverse.etlify.runtime.stale;

/**
 * A step of one of a mapping's dependency paths, where a change of another entity concerns the mapping's records.
 *
 * @param path the path's index in the mapping's {@code dependencies}
 * @param position the step's position on the path, from 1 (0 would be the record itself)
 * @param entity the entity class whose rows the step reaches; {@code null} for a join table or a collection table
 * @param collectionRole the Hibernate role of the collection the step follows, owned by the entity of the step before
 *        ({@code position - 1}); {@code null} for a to-one and for the far side of a join table
 * @param parentAttribute the to-one attribute of {@code entity} holding the link to the step before's id, whose old
 *        and new values name the rows of the step before concerned; {@code null} when the link is elsewhere
 */
public record DependencyStep(int path, int position, Class<?> entity, String collectionRole, String parentAttribute) {
}
