package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.runtime.state.ClaimStore;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Claims on records, on every supported database (taken by {@code ON CONFLICT … RETURNING} or by a batch
 * of {@code MERGE}s): a free or expired claim is taken, another owner's unexpired one is left alone, the
 * owner renews its own, and only the owner gives it back.
 */
abstract class AbstractClaimStoreTest {

    private static final Duration LEASE = Duration.ofMinutes(5);

    @Inject
    ClaimStore claims;

    @Inject
    Fixtures fixtures;

    @Inject
    EntityManager em;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void freeRecordsAreClaimedAndAnotherOwnersUnexpiredClaimsAreLeftAlone() {
        assertThat(claim("worker-a", List.of("1", "2", "3"), LEASE)).containsExactlyInAnyOrder("1", "2", "3");

        assertThat(claim("worker-b", List.of("2", "3", "4"), LEASE)).containsExactly("4");

        assertThat(owner("2")).isEqualTo("worker-a");
        assertThat(owner("4")).isEqualTo("worker-b");
    }

    @Test
    void claimsAreHeldPerCrmAndResourceType() {
        claim("worker-a", List.of("1"), LEASE);

        assertThat(tx(() -> claims.claim("mirror", "User", List.of("1"), "worker-b", LEASE))).as("per CRM")
                .containsExactly("1");
        assertThat(tx(() -> claims.claim("hubspot", "Company", List.of("1"), "worker-b", LEASE))).as("per type")
                .containsExactly("1");
    }

    @Test
    void anExpiredClaimIsTaken() {
        claim("crashed", List.of("1", "2"), LEASE);
        // the crashed owner's lease on record 1 ran out
        tx(() -> em.createNativeQuery("UPDATE etlify_claims SET claimed_until = ?1 WHERE resource_id = '1'")
                .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1)).executeUpdate());

        assertThat(claim("survivor", List.of("1", "2"), LEASE)).containsExactly("1");
        assertThat(owner("1")).isEqualTo("survivor");
        assertThat(owner("2")).isEqualTo("crashed");
    }

    @Test
    void theOwnerReclaimsItsRecordsAndExtendsTheirLease() {
        claim("worker-a", List.of("1"), Duration.ofMinutes(1));
        OffsetDateTime firstUntil = claimedUntil("1");

        assertThat(claim("worker-a", List.of("1", "2"), Duration.ofMinutes(10))).as("already held ones included")
                .containsExactlyInAnyOrder("1", "2");

        assertThat(claimedUntil("1")).isAfter(firstUntil.plusMinutes(8));
    }

    @Test
    void onlyTheOwnerReleasesItsClaims() {
        claim("worker-a", List.of("1", "2"), LEASE);

        tx(() -> {
            claims.release("hubspot", "User", List.of("1", "2"), "worker-b");
            return null;
        });
        assertThat(claim("worker-b", List.of("1", "2"), LEASE)).as("not b's to release").isEmpty();

        tx(() -> {
            claims.release("hubspot", "User", List.of("1"), "worker-a");
            return null;
        });
        assertThat(claim("worker-b", List.of("1", "2"), LEASE)).containsExactly("1");
    }

    @Test
    void manyRecordsAreClaimedAndReleasedAtOnce() {
        // more ids than one IN list of a release holds
        List<String> ids = IntStream.range(0, 1_200).mapToObj(String::valueOf).toList();

        assertThat(claim("worker-a", ids, LEASE)).hasSize(1_200);
        tx(() -> {
            claims.release("hubspot", "User", ids, "worker-a");
            return null;
        });

        assertThat(claim("worker-b", ids, LEASE)).hasSize(1_200);
    }

    private Set<String> claim(String owner, Collection<String> ids, Duration lease) {
        return tx(() -> claims.claim("hubspot", "User", ids, owner, lease));
    }

    private String owner(String resourceId) {
        return tx(() -> (String) em.createNativeQuery("SELECT owner FROM etlify_claims WHERE crm_name = 'hubspot'"
                + " AND resource_type = 'User' AND resource_id = ?1").setParameter(1, resourceId).getSingleResult());
    }

    private OffsetDateTime claimedUntil(String resourceId) {
        return tx(() -> (OffsetDateTime) em.createNativeQuery("SELECT claimed_until FROM etlify_claims"
                + " WHERE crm_name = 'hubspot' AND resource_type = 'User' AND resource_id = ?1", OffsetDateTime.class)
                .setParameter(1, resourceId).getSingleResult());
    }

    private static <T> T tx(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }
}
