package io.quarkiverse.etlify.runtime.state;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Claims on records ({@code etlify_claims}): while a claim holds, no other path or instance calls
 * the CRM for that record, so two calls can never overtake each other. A dead holder's claim expires.
 * Every method requires an active transaction.
 */
@ApplicationScoped
public class ClaimStore {

    private static final int IN_LIST_SIZE = 500;

    /**
     * Claims these records of one type for {@code owner} until {@code lease} has passed; records another
     * owner holds are left alone.
     *
     * @return the resource ids claimed (already held by {@code owner} included)
     */
    public Set<String> claim(String crmName, String resourceType, Collection<String> resourceIds, String owner,
            Duration lease) {
        // in id order, so that two claimers lock the rows they share in the same order
        List<String> sorted = new ArrayList<>(new TreeSet<>(resourceIds));
        return Jdbc.work(connection -> Jdbc.dialect(connection).claimRecords(connection, crmName, resourceType, sorted,
                owner, lease.toMillis()));
    }

    /** Gives back the claims {@code owner} holds on these records. */
    public void release(String crmName, String resourceType, Collection<String> resourceIds, String owner) {
        List<String> ids = new ArrayList<>(new TreeSet<>(resourceIds));
        Jdbc.work(connection -> {
            int released = 0;
            for (int from = 0; from < ids.size(); from += IN_LIST_SIZE) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_SIZE));
                try (PreparedStatement statement = connection.prepareStatement("DELETE FROM etlify_claims"
                        + " WHERE crm_name = ? AND resource_type = ? AND resource_id IN ("
                        + String.join(", ", chunk.stream().map(id -> "?").toList()) + ") AND owner = ?")) {
                    int i = 1;
                    statement.setString(i++, crmName);
                    statement.setString(i++, resourceType);
                    for (String id : chunk) {
                        statement.setString(i++, id);
                    }
                    statement.setString(i, owner);
                    released += statement.executeUpdate();
                }
            }
            return released;
        });
    }
}
