package io.quarkiverse.etlify.runtime.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.Session;

import io.quarkiverse.etlify.DigestStrategy;
import io.quarkiverse.etlify.runtime.mapping.EntityAccess;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.mapping.ResourceIds;
import io.quarkiverse.etlify.runtime.state.CrmSynchronisation;
import io.quarkiverse.etlify.runtime.state.SyncKey;
import io.quarkiverse.etlify.runtime.state.SyncRow;
import io.quarkiverse.etlify.runtime.state.SyncStateStore;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A record's dry run: what a sync would do now (guard, payload, digest, sync dependencies) without calling
 * the CRM and without writing anything, unlike a sync, which buffers the record and requests its dependencies.
 */
@ApplicationScoped
class RecordInspector {

    @Inject
    MappingRegistry mappings;

    @Inject
    DigestStrategy digests;

    @Inject
    SyncStateStore store;

    /** The record's sync row and dry run; {@code null} when no record has that id. */
    Map<String, Object> inspect(String crm, Mapping mapping, Object id, Redaction redaction) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Session session = Panache.getEntityManager(mapping.entityType()).unwrap(Session.class);
            session.setDefaultReadOnly(true);
            Object entity = session.find(mapping.entityType(), id);
            if (entity == null) {
                return null;
            }
            String resourceId = ResourceIds.render(id);
            CrmSynchronisation row = CrmSynchronisation.findByResource(crm, mapping.resourceType(), resourceId);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("crm", crm);
            answer.put("model", mapping.resourceType());
            answer.put("id", resourceId);
            answer.put("syncState", AdminApi.syncRow(row));
            answer.put("dryRun", dryRun(crm, mapping, entity, store.find(new SyncKey(crm, mapping.resourceType(),
                    resourceId)), redaction));
            return answer;
        });
    }

    private Map<String, Object> dryRun(String crm, Mapping mapping, Object entity, SyncRow row,
            Redaction redaction) {
        Map<String, Object> dryRun = new LinkedHashMap<>();
        boolean guardPasses;
        try {
            guardPasses = mapping.accepts(entity);
        } catch (RuntimeException e) {
            dryRun.put("guardPasses", false);
            dryRun.put("guardError", redaction.describe(e));
            dryRun.put("wouldBe", "ERROR");
            return dryRun;
        }
        dryRun.put("guardPasses", guardPasses);
        List<Map<String, Object>> missing = missingDependencies(crm, mapping, entity);
        dryRun.put("dependenciesWithoutCrmId", missing);
        Map<String, Object> payload;
        try {
            payload = mapping.payload(entity);
        } catch (RuntimeException e) {
            dryRun.put("payloadError", redaction.describe(e));
            dryRun.put("wouldBe", guardPasses ? "ERROR" : "SKIPPED");
            return dryRun;
        }
        dryRun.put("payload", payload);
        boolean notModified = row != null && row.lastDigest() != null && row.lastDigest().equals(digests.digest(payload));
        dryRun.put("notModified", notModified);
        dryRun.put("wouldBe", !guardPasses ? "SKIPPED"
                : !missing.isEmpty() ? "BUFFERED" : notModified ? "NOT_MODIFIED" : "SYNCED");
        return dryRun;
    }

    /** The gate's rule, read only: a mapped dependency needs a CRM id, an unmapped one its legacy attribute. */
    private List<Map<String, Object>> missingDependencies(String crm, Mapping mapping, Object entity) {
        List<Map<String, Object>> missing = new ArrayList<>();
        for (String path : mapping.definition().getSyncDependencies()) {
            List<Object> reached = new ArrayList<>();
            EntityAccess.collect(entity, path.split("\\."), 0, reached);
            for (Object dependency : reached) {
                Class<?> type = EntityAccess.classOf(dependency);
                Mapping dependencyMapping = mappings.mappingFor(type, crm).orElse(null);
                if (dependencyMapping != null) {
                    String dependencyId = ResourceIds.render(dependencyMapping.id(dependency));
                    SyncRow row = store.find(new SyncKey(crm, dependencyMapping.resourceType(), dependencyId));
                    if (row == null || row.crmId() == null) {
                        missing.add(Map.of("path", path, "model", dependencyMapping.resourceType(), "id", dependencyId));
                    }
                } else if (!hasLegacyCrmId(dependency, type, crm)) {
                    Object id = Panache.getEntityManager(type).getEntityManagerFactory().getPersistenceUnitUtil()
                            .getIdentifier(dependency);
                    missing.add(Map.of("path", path, "model", type.getSimpleName(), "id", ResourceIds.render(id)));
                }
            }
        }
        return missing;
    }

    private static boolean hasLegacyCrmId(Object dependency, Class<?> type, String crm) {
        for (String attribute : List.of(crm + "Id", crm + "_id")) {
            if (EntityAccess.hasAttribute(type, attribute)) {
                return EntityAccess.read(dependency, attribute) != null;
            }
        }
        return true;
    }
}
