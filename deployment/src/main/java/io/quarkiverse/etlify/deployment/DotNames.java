package io.quarkiverse.etlify.deployment;

import org.jboss.jandex.DotName;

import io.quarkiverse.etlify.CrmSerializer;
import io.quarkiverse.etlify.Etlified;
import io.quarkiverse.etlify.SyncGuard;

/** Names of the annotations and types the build steps look for. */
final class DotNames {

    static final DotName ETLIFIED = DotName.createSimple(Etlified.class);
    static final DotName ETLIFIED_LIST = DotName.createSimple(Etlified.List.class);
    static final DotName ALWAYS = DotName.createSimple(Etlified.Always.class);
    static final DotName DEFAULT_DISPATCHER = DotName.createSimple(Etlified.DefaultDispatcher.class);
    static final DotName CRM_SERIALIZER = DotName.createSimple(CrmSerializer.class);
    static final DotName SYNC_GUARD = DotName.createSimple(SyncGuard.class);

    static final DotName ENTITY = DotName.createSimple("jakarta.persistence.Entity");
    static final DotName MAPPED_SUPERCLASS = DotName.createSimple("jakarta.persistence.MappedSuperclass");
    static final DotName ID = DotName.createSimple("jakarta.persistence.Id");
    static final DotName EMBEDDED_ID = DotName.createSimple("jakarta.persistence.EmbeddedId");
    static final DotName ID_CLASS = DotName.createSimple("jakarta.persistence.IdClass");
    static final DotName UPDATE_TIMESTAMP = DotName.createSimple("org.hibernate.annotations.UpdateTimestamp");
    static final DotName ANY = DotName.createSimple("org.hibernate.annotations.Any");
    static final DotName MANY_TO_ANY = DotName.createSimple("org.hibernate.annotations.ManyToAny");
    static final DotName PANACHE_ENTITY = DotName.createSimple("io.quarkus.hibernate.orm.panache.PanacheEntity");
    static final DotName OBJECT = DotName.createSimple(Object.class);
    static final DotName MAP = DotName.createSimple(java.util.Map.class);

    private DotNames() {
    }
}
