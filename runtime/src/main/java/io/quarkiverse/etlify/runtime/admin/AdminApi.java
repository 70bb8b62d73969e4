package io.quarkiverse.etlify.runtime.admin;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.CrmOperations;
import io.quarkiverse.etlify.CrmState;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.RecordSyncState;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.runtime.batch.BatchSyncRunner;
import io.quarkiverse.etlify.runtime.config.EtlifyBuildTimeConfig;
import io.quarkiverse.etlify.runtime.config.EtlifyRuntimeConfig;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.mapping.ResourceIds;
import io.quarkiverse.etlify.runtime.state.BatchRunStore;
import io.quarkiverse.etlify.runtime.state.CrmSynchronisation;
import io.quarkiverse.etlify.runtime.state.Jdbc;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What each admin endpoint does, with JSON-ready answers (maps and lists). Model names are the entity names of
 * mapped entities, looked up in the mapping registry: no class is ever loaded from input.
 */
@ApplicationScoped
class AdminApi {

    @Inject
    Etlify etlify;

    @Inject
    MappingRegistry mappings;

    @Inject
    EtlifyBuildTimeConfig buildConfig;

    @Inject
    EtlifyRuntimeConfig config;

    @Inject
    BatchSyncRunner runner;

    @Inject
    BatchRunStore runs;

    @Inject
    RecordInspector inspector;

    private volatile Redaction redaction;

    String role() {
        return config.admin().role();
    }

    // GET /crms
    List<Map<String, Object>> crms() {
        Map<String, Long> queued = queueDepths();
        List<Map<String, Object>> answer = new ArrayList<>();
        for (String name : new TreeSet<>(etlify.crmNames())) {
            CrmOperations crm = etlify.crm(name);
            EtlifyRuntimeConfig.CrmRuntimeConfig crmConfig = config.crm().get(name);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", name);
            item.put("adapter", buildConfig.crm().get(name).adapter());
            item.put("enabled", crm.isEnabled());
            Map<String, Object> rateLimit = new LinkedHashMap<>();
            rateLimit.put("maxRequests", crmConfig.rateLimit().maxRequests().isPresent()
                    ? crmConfig.rateLimit().maxRequests().getAsInt()
                    : null);
            rateLimit.put("period", crmConfig.rateLimit().period().toString());
            rateLimit.put("shared", crmConfig.rateLimit().shared());
            item.put("rateLimit", rateLimit);
            item.put("maxSyncErrors", maxSyncErrors(name));
            item.put("state", state(crm.state()));
            item.put("queueDepth", queued.getOrDefault(name, 0L));
            answer.add(item);
        }
        return answer;
    }

    private Map<String, Object> state(CrmState state) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("condition", state.condition().name());
        answer.put("since", text(state.since()));
        answer.put("until", text(state.until()));
        answer.put("reason", redaction().redact(state.reason()));
        return answer;
    }

    private Map<String, Long> queueDepths() {
        return QuarkusTransaction.requiringNew().call(() -> Jdbc.work(connection -> {
            Map<String, Long> depths = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT crm_name, COUNT(*) FROM"
                    + " crm_synchronisations WHERE sync_requested_at IS NOT NULL GROUP BY crm_name");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    depths.put(rs.getString(1), rs.getLong(2));
                }
            }
            return depths;
        }));
    }

    // GET /status
    List<Map<String, Object>> status() {
        List<Map<String, Object>> answer = new ArrayList<>();
        for (String name : new TreeSet<>(etlify.crmNames())) {
            CrmOperations crm = etlify.crm(name);
            Map<String, Map<String, Object>> rows = rowCounts(name, maxSyncErrors(name));
            for (Mapping mapping : sorted(mappings.mappingsOf(name))) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("crm", name);
                item.put("model", mapping.resourceType());
                item.put("records", countRecords(mapping));
                Map<String, Object> counts = rows.getOrDefault(mapping.resourceType(), Map.of());
                item.put("synced", counts.getOrDefault("synced", 0L));
                item.put("stale", crm.countStale(mapping.entityType()));
                item.put("queued", counts.getOrDefault("queued", 0L));
                item.put("failing", counts.getOrDefault("failing", 0L));
                item.put("exhausted", counts.getOrDefault("exhausted", 0L));
                item.put("lastSyncedAt", counts.get("lastSyncedAt"));
                answer.add(item);
            }
        }
        return answer;
    }

    private static long countRecords(Mapping mapping) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Panache.getEntityManager(mapping.entityType());
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Long> query = cb.createQuery(Long.class);
            query.select(cb.count(query.from(mapping.entityType())));
            return em.createQuery(query).getSingleResult();
        });
    }

    private static Map<String, Map<String, Object>> rowCounts(String crm, int maxSyncErrors) {
        return QuarkusTransaction.requiringNew().call(() -> Jdbc.work(connection -> {
            Map<String, Map<String, Object>> counts = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT resource_type,"
                    + " SUM(CASE WHEN crm_id IS NOT NULL THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN sync_requested_at IS NOT NULL THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN error_count > 0 THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN error_count >= ? THEN 1 ELSE 0 END), MAX(last_synced_at)"
                    + " FROM crm_synchronisations WHERE crm_name = ? GROUP BY resource_type")) {
                select.setInt(1, maxSyncErrors);
                select.setString(2, crm);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("synced", rs.getLong(2));
                        row.put("queued", rs.getLong(3));
                        row.put("failing", rs.getLong(4));
                        row.put("exhausted", rs.getLong(5));
                        Timestamp last = rs.getTimestamp(6);
                        row.put("lastSyncedAt", last == null ? null : last.toInstant().toString());
                        counts.put(rs.getString(1), row);
                    }
                }
            }
            return counts;
        }));
    }

    // POST /resync
    Map<String, Object> resync(JsonNode body) {
        allowOnly(body, "crm", "models", "force", "inline");
        String crm = optionalText(body, "crm");
        BatchSync options = BatchSync.options();
        if (crm != null) {
            requireCrm(crm);
            options.crm(crm);
        }
        JsonNode models = body.get("models");
        if (models != null && !models.isNull()) {
            if (!models.isArray()) {
                throw AdminException.badRequest("models must be an array of entity names");
            }
            Set<Class<?>> types = new LinkedHashSet<>();
            for (JsonNode model : models) {
                if (!model.isTextual()) {
                    throw AdminException.badRequest("models must be an array of entity names");
                }
                types.add(entityType(crm, model.asText()));
            }
            options.models(types.toArray(Class<?>[]::new));
        }
        if (bool(body, "force")) {
            options.force();
        }
        if (bool(body, "inline")) {
            options.inline();
        }
        String id = runner.runInBackground(options, "admin");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("inline", options.isInline());
        return answer;
    }

    // GET /runs/{id}
    Map<String, Object> run(String id) {
        return runs.find(id, config.admin().abandonedAfter()).map(AdminApi::run)
                .orElseThrow(() -> AdminException.notFound("no batch run " + id));
    }

    // GET /runs
    Map<String, Object> runs(int page, int size) {
        checkPage(page, size);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("page", page);
        answer.put("size", size);
        answer.put("runs", runs.recent(config.admin().abandonedAfter(), size, page * size).stream()
                .map(AdminApi::run).toList());
        return answer;
    }

    private static Map<String, Object> run(BatchRunStore.Run run) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", run.id());
        answer.put("status", run.finishedAt() != null ? (run.error() == null ? "finished" : "failed")
                : run.abandoned() ? "abandoned" : "running");
        answer.put("trigger", run.trigger());
        answer.put("crms", run.crms() == null ? List.of() : List.of(run.crms().split(",")));
        answer.put("models", run.models() == null ? List.of() : List.of(run.models().split(",")));
        answer.put("inline", run.inline());
        answer.put("force", run.force());
        answer.put("instance", run.instance());
        BatchRunStore.Counts counts = run.counts();
        answer.put("found", counts.found());
        // an async run only queues: what it queued is what it processed
        answer.put("processed", counts.processed());
        answer.put("synced", counts.synced());
        answer.put("notModified", counts.notModified());
        answer.put("skipped", counts.skipped());
        answer.put("failed", counts.failed());
        answer.put("deferred", counts.deferred());
        Instant end = run.finishedAt() != null ? run.finishedAt() : run.heartbeatAt();
        double seconds = Duration.between(run.startedAt(), end).toMillis() / 1000.0;
        answer.put("ratePerSecond", seconds <= 0 ? 0.0 : Math.round(counts.processed() / seconds * 10) / 10.0);
        answer.put("startedAt", text(run.startedAt()));
        answer.put("heartbeatAt", text(run.heartbeatAt()));
        answer.put("finishedAt", text(run.finishedAt()));
        answer.put("error", run.error());
        return answer;
    }

    // GET /crms/{crm}/models/{model}/records/{id}
    Map<String, Object> record(String crm, String model, String id) {
        requireCrm(crm);
        Mapping mapping = mapping(crm, model);
        Map<String, Object> answer = inspector.inspect(crm, mapping, parseId(mapping, id), redaction());
        if (answer == null) {
            throw AdminException.notFound("no " + model + " with id " + id);
        }
        return answer;
    }

    // POST /crms/{crm}/models/{model}/records/{id}/sync
    Map<String, Object> syncRecord(String crm, String model, String id) {
        requireCrm(crm);
        Mapping mapping = mapping(crm, model);
        Object parsed = parseId(mapping, id);
        boolean exists = QuarkusTransaction.requiringNew()
                .call(() -> Panache.getEntityManager(mapping.entityType()).find(mapping.entityType(), parsed) != null);
        if (!exists) {
            throw AdminException.notFound("no " + model + " with id " + id);
        }
        CrmOperations operations = etlify.crm(crm);
        SyncResult result = operations.syncNow(mapping.entityType(), parsed);
        RecordSyncState state = operations.syncState(mapping.entityType(), parsed).orElse(null);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("result", result.name());
        answer.put("error", (result == SyncResult.ERROR || result == SyncResult.DEFERRED) && state != null
                ? redaction().redact(state.lastError())
                : null);
        answer.put("syncState", state == null ? null : syncState(state));
        return answer;
    }

    // GET /failures
    Map<String, Object> failures(String crm, String model, String state, int page, int size) {
        checkPage(page, size);
        if (crm != null) {
            requireCrm(crm);
        }
        if (model != null) {
            entityType(crm, model);
        }
        String kind = state == null ? "failing" : state;
        if (!kind.equals("failing") && !kind.equals("exhausted")) {
            throw AdminException.badRequest("state must be failing or exhausted, got " + state);
        }
        List<String> crmNames = crm != null ? List.of(crm) : new ArrayList<>(new TreeSet<>(etlify.crmNames()));
        List<Map<String, Object>> rows = QuarkusTransaction.requiringNew().call(() -> Jdbc.work(connection -> {
            StringBuilder sql = new StringBuilder("SELECT crm_name, resource_type, resource_id, crm_id, error_count,"
                    + " last_error, updated_at FROM crm_synchronisations WHERE (");
            List<Object> params = new ArrayList<>();
            for (int i = 0; i < crmNames.size(); i++) {
                sql.append(i == 0 ? "" : " OR ").append("(crm_name = ? AND error_count >= ?)");
                params.add(crmNames.get(i));
                params.add(kind.equals("exhausted") ? maxSyncErrors(crmNames.get(i)) : 1);
            }
            sql.append(crmNames.isEmpty() ? "1 = 0)" : ")");
            if (model != null) {
                sql.append(" AND resource_type = ?");
                params.add(model);
            }
            sql.append(" ORDER BY updated_at DESC, id OFFSET ? ROWS").append(Jdbc.dialect(connection).limitParameter());
            params.add(page * size);
            params.add(size);
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    select.setObject(i + 1, params.get(i));
                }
                List<Map<String, Object>> found = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("crm", rs.getString(1));
                        row.put("model", rs.getString(2));
                        row.put("id", rs.getString(3));
                        row.put("crmId", rs.getString(4));
                        row.put("errorCount", rs.getInt(5));
                        row.put("lastError", redaction().redact(rs.getString(6)));
                        Timestamp attempt = rs.getTimestamp(7);
                        row.put("lastAttemptAt", attempt == null ? null : attempt.toInstant().toString());
                        found.add(row);
                    }
                }
                return found;
            }
        }));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("state", kind);
        answer.put("page", page);
        answer.put("size", size);
        answer.put("failures", rows);
        return answer;
    }

    // POST /reset-errors
    Map<String, Object> resetErrors(JsonNode body) {
        allowOnly(body, "crm", "model", "ids");
        String crm = optionalText(body, "crm");
        String model = optionalText(body, "model");
        JsonNode ids = body.get("ids");
        boolean hasIds = ids != null && !ids.isNull();
        if (hasIds && (!ids.isArray() || ids.isEmpty())) {
            throw AdminException.badRequest("ids must be a non-empty array of record ids");
        }
        if (hasIds && model == null) {
            throw AdminException.badRequest("ids need the model they belong to");
        }
        if (crm != null) {
            requireCrm(crm);
        }
        if (model != null) {
            entityType(crm, model);
        }
        List<String> crmNames = crm != null ? List.of(crm) : new ArrayList<>(new TreeSet<>(etlify.crmNames()));
        // ids are parsed before anything changes, so a malformed one resets nothing
        Map<String, List<String>> idsByCrm = new LinkedHashMap<>();
        for (String name : crmNames) {
            Mapping mapping = model == null ? null : mappings.mappingFor(name, model).orElse(null);
            if (hasIds && mapping != null) {
                List<String> rendered = new ArrayList<>();
                for (JsonNode id : ids) {
                    if (!id.isTextual() && !id.isNumber()) {
                        throw AdminException.badRequest("ids must be strings or numbers");
                    }
                    rendered.add(ResourceIds.render(parseId(mapping, id.asText())));
                }
                idsByCrm.put(name, rendered);
            }
        }
        long reset = QuarkusTransaction.requiringNew().call(() -> {
            long count = 0;
            for (String name : crmNames) {
                if (model == null) {
                    count += CrmSynchronisation.resetErrorCounts(name);
                } else if (mappings.mappingFor(name, model).isPresent()) {
                    if (hasIds) {
                        for (String id : idsByCrm.get(name)) {
                            count += CrmSynchronisation.resetErrorCounts(name, model, id);
                        }
                    } else {
                        count += CrmSynchronisation.resetErrorCounts(name, model);
                    }
                }
            }
            return count;
        });
        return Map.of("reset", reset);
    }

    static Map<String, Object> syncRow(CrmSynchronisation row) {
        return row == null ? null : syncState(row.toSyncState());
    }

    private static Map<String, Object> syncState(RecordSyncState state) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("crmId", state.crmId());
        answer.put("digestStored", state.digestStored());
        answer.put("lastSyncedAt", text(state.lastSyncedAt()));
        answer.put("errorCount", state.errorCount());
        answer.put("lastError", state.lastError());
        return answer;
    }

    private void requireCrm(String crm) {
        if (!etlify.crmNames().contains(crm)) {
            throw AdminException.notFound("no CRM named " + crm);
        }
    }

    private Mapping mapping(String crm, String model) {
        return mappings.mappingFor(crm, model)
                .orElseThrow(() -> AdminException.notFound("no model " + model + " mapped to CRM " + crm));
    }

    /** The mapped entity of that name, in that CRM or (crm null) in any. */
    private Class<?> entityType(String crm, String model) {
        for (String name : crm != null ? List.of(crm) : etlify.crmNames()) {
            Mapping mapping = mappings.mappingFor(name, model).orElse(null);
            if (mapping != null) {
                return mapping.entityType();
            }
        }
        throw AdminException.notFound("no model " + model + " mapped" + (crm == null ? "" : " to CRM " + crm));
    }

    private static Object parseId(Mapping mapping, String id) {
        try {
            return mapping.parseId(id);
        } catch (IllegalArgumentException e) {
            throw AdminException.badRequest("'" + id + "' is not an id of " + mapping.resourceType());
        }
    }

    private int maxSyncErrors(String crm) {
        EtlifyRuntimeConfig.CrmRuntimeConfig crmConfig = config.crm().get(crm);
        return crmConfig == null ? config.maxSyncErrors() : crmConfig.maxSyncErrors().orElse(config.maxSyncErrors());
    }

    private void checkPage(int page, int size) {
        if (page < 0) {
            throw AdminException.badRequest("page must not be negative, got " + page);
        }
        if (size < 1 || size > config.admin().maxPageSize()) {
            throw AdminException.badRequest("size must be between 1 and " + config.admin().maxPageSize() + ", got " + size);
        }
    }

    private static void allowOnly(JsonNode body, String... fields) {
        Set<String> allowed = Set.of(fields);
        body.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                throw AdminException.badRequest("unknown field " + field + "; expected " + String.join(", ", fields));
            }
        });
    }

    private static String optionalText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw AdminException.badRequest(field + " must be a non-blank string");
        }
        return value.asText();
    }

    private static boolean bool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw AdminException.badRequest(field + " must be true or false");
        }
        return value.asBoolean();
    }

    private static List<Mapping> sorted(List<Mapping> list) {
        return list.stream().sorted(java.util.Comparator.comparing(Mapping::resourceType)).toList();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private Redaction redaction() {
        Redaction r = redaction;
        if (r == null) {
            redaction = r = new Redaction(config);
        }
        return r;
    }
}
