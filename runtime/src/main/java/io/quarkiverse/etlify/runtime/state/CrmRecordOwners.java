package io.quarkiverse.etlify.runtime.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/** The records holding CRM ids ({@code crm_synchronisations.crm_id}). Requires a transaction. */
@ApplicationScoped
public class CrmRecordOwners {

    private static final int IN_LIST_SIZE = 500;

    /**
     * The records of these resource types of a CRM that hold these CRM ids, by CRM id, the first stored first
     * (read through {@code idx_crm_sync_on_crm_record}).
     */
    public Map<String, List<SyncKey>> holders(String crmName, Collection<String> resourceTypes,
            Collection<String> crmIds) {
        return Jdbc.work(connection -> {
            Map<String, List<SyncKey>> holders = new HashMap<>();
            List<String> ids = new ArrayList<>(crmIds);
            if (ids.size() > 1) {
                Jdbc.dialect(connection).planForActualValues(connection);
            }
            for (int from = 0; from < ids.size(); from += IN_LIST_SIZE) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_SIZE));
                String sql = "SELECT crm_id, resource_type, resource_id FROM crm_synchronisations"
                        + " WHERE crm_id IN (" + placeholders(chunk.size()) + ") AND crm_name = ?"
                        + " AND resource_type IN (" + placeholders(resourceTypes.size()) + ") ORDER BY id";
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    int i = 1;
                    for (String id : chunk) {
                        statement.setString(i++, id);
                    }
                    statement.setString(i++, crmName);
                    for (String type : resourceTypes) {
                        statement.setString(i++, type);
                    }
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            holders.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                                    .add(new SyncKey(crmName, rs.getString(2), rs.getString(3)));
                        }
                    }
                }
            }
            return holders;
        });
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
