package io.quarkiverse.etlify;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a JPA entity is mirrored into a CRM. Repeat the annotation once per CRM.
 * <p>
 * The mapping is read at build time: an unknown CRM name, an unknown dependency path, a serializer
 * for another entity type, a composite id, two mappings for one CRM or a missing update-time
 * attribute fail the build with a message naming the entity and attribute.
 *
 * <pre>
 * &#64;Entity
 * &#64;Etlified(crm = "hubspot", objectType = "contacts", idProperty = "email",
 *           serializer = UserSerializer.class, dependencies = {"company", "investments"},
 *           syncDependencies = "company", syncIf = UserHasEmail.class, staleScope = "{e}.active = true",
 *           syncOnChange = true, onDelete = OnDelete.DELETE)
 * public class User extends PanacheEntity { ... }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Etlified.List.class)
public @interface Etlified {

    /** Name of the CRM, as declared by {@code quarkus.etlify.crm."name".adapter}. */
    String crm();

    /** CRM object type, e.g. {@code contacts}, {@code companies} or a custom object's API name. */
    String objectType();

    /**
     * Payload property whose value identifies the record in the CRM (e.g. {@code email}); empty
     * for none, in which case a record without a known CRM id is created.
     */
    String idProperty() default "";

    /** The bean turning an entity into its CRM payload. */
    @SuppressWarnings("rawtypes")
    Class<? extends CrmSerializer> serializer();

    /**
     * Association paths whose changes make this record stale (freshness), e.g. {@code "company"},
     * {@code "investments"} or the nested {@code "investments.fund"}.
     */
    String[] dependencies() default {};

    /**
     * Association paths that must have a CRM id before this record is synced (ordering); until they
     * have one, the sync is buffered.
     */
    String[] syncDependencies() default {};

    /** A bean deciding whether a record is synced at all; by default every record is. */
    @SuppressWarnings("rawtypes")
    Class<? extends SyncGuard> syncIf() default Always.class;

    /**
     * SQL predicate restricting which records the stale finder considers, written against the
     * {@code {e}} alias placeholder, e.g. {@code "{e}.active = true"}; empty for all records.
     */
    String staleScope() default "";

    /** Where {@code sync(entity)} requests go (the gem's {@code job_class}); by default the built-in one. */
    Class<? extends SyncDispatcher> dispatcher() default DefaultDispatcher.class;

    /**
     * Attribute holding the record's last update time; by default the {@code @UpdateTimestamp}
     * attribute, else one named {@code updatedAt}.
     */
    String updatedAt() default "";

    /**
     * Whether changes flushed through Hibernate request syncs by themselves: every insert or update of this
     * entity, and every insert, update or delete of an entity reached through {@link #dependencies()} (a child
     * added to or removed from a to-many collection included), records a durable sync request for the records
     * concerned in the writing transaction, exactly as {@code sync(entity)} does: rolled back with it, collapsed
     * per record, performed after commit through the mapping's dispatcher. Writes that bypass Hibernate (bulk
     * JPQL or SQL updates, other applications) are not seen: the stale finder of batch syncs catches them.
     * {@code false} by default: records are synced when the application asks, or by batch syncs.
     */
    boolean syncOnChange() default false;

    /**
     * What deleting an entity through Hibernate does to its CRM record: {@link OnDelete#KEEP} (the default, as in
     * the gem) leaves it; {@link OnDelete#DELETE} queues a durable CRM delete, by the CRM id kept in the record's
     * sync row, in the deleting transaction. Independent of {@link #syncOnChange()}.
     */
    OnDelete onDelete() default OnDelete.KEEP;

    /** Container of repeated {@link Etlified} annotations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        Etlified[] value();
    }

    /** Sentinel for {@link #syncIf()}: every record is synced. */
    final class Always implements SyncGuard<Object> {
        private Always() {
        }

        @Override
        public boolean shouldSync(Object entity) {
            return true;
        }
    }

    /** Sentinel for {@link #dispatcher()}: the built-in dispatcher of the CRM. */
    abstract class DefaultDispatcher implements SyncDispatcher {
        private DefaultDispatcher() {
        }
    }
}
