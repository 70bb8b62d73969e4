package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.runtime.state.CrmHoldStore;
import io.quarkiverse.etlify.runtime.state.CrmHoldStore.Hold;

/**
 * Holds on CRMs, on every supported database: a hold is found until released, a repeated hold for the
 * same reason keeps when it began and the later end, another reason starts afresh, release is by reason.
 */
abstract class AbstractCrmHoldStoreTest {

    // whole seconds: both databases keep microseconds only
    private static final Instant IN_AN_HOUR = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    CrmHoldStore holds;

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void aHoldIsFoundUntilReleasedExpiredOrNot() {
        assertThat(holds.find("hubspot")).isEmpty();
        Instant before = Instant.now();

        holds.hold("hubspot", "PAUSED", IN_AN_HOUR, "daily limit reached");

        Hold hold = holds.find("hubspot").orElseThrow();
        assertThat(hold.reason()).isEqualTo("PAUSED");
        assertThat(hold.until()).isEqualTo(IN_AN_HOUR);
        assertThat(hold.message()).isEqualTo("daily limit reached");
        assertThat(hold.since()).isBetween(before.minusMillis(1), Instant.now().plusMillis(1));
        assertThat(holds.find("mirror")).as("per CRM").isEmpty();

        Instant past = IN_AN_HOUR.minus(Duration.ofHours(2));
        holds.hold("mirror", "UNAUTHORIZED", past, "401");
        assertThat(holds.find("mirror")).as("an expired hold").map(Hold::until).contains(past);
    }

    @Test
    void theSameReasonKeepsWhenTheHoldBeganAndItsLaterEnd() {
        holds.hold("hubspot", "PAUSED", IN_AN_HOUR, "first");
        Hold first = holds.find("hubspot").orElseThrow();

        holds.hold("hubspot", "PAUSED", IN_AN_HOUR.plusSeconds(60), "later end");
        Hold extended = holds.find("hubspot").orElseThrow();
        assertThat(extended.since()).isEqualTo(first.since());
        assertThat(extended.until()).isEqualTo(IN_AN_HOUR.plusSeconds(60));
        assertThat(extended.message()).isEqualTo("later end");

        holds.hold("hubspot", "PAUSED", IN_AN_HOUR, "earlier end");
        Hold kept = holds.find("hubspot").orElseThrow();
        assertThat(kept.since()).isEqualTo(first.since());
        assertThat(kept.until()).as("the later end is kept").isEqualTo(IN_AN_HOUR.plusSeconds(60));
        assertThat(kept.message()).isEqualTo("earlier end");
    }

    @Test
    void anotherReasonReplacesTheHold() {
        holds.hold("hubspot", "PAUSED", IN_AN_HOUR.plusSeconds(60), "daily limit reached");
        Hold paused = holds.find("hubspot").orElseThrow();

        holds.hold("hubspot", "UNAUTHORIZED", IN_AN_HOUR, "token refused");

        Hold unauthorized = holds.find("hubspot").orElseThrow();
        assertThat(unauthorized.reason()).isEqualTo("UNAUTHORIZED");
        assertThat(unauthorized.until()).as("not the former reason's later end").isEqualTo(IN_AN_HOUR);
        assertThat(unauthorized.since()).isAfterOrEqualTo(paused.since());
        assertThat(unauthorized.message()).isEqualTo("token refused");
    }

    @Test
    void releaseLiftsOnlyAHoldForItsReason() {
        holds.hold("hubspot", "PAUSED", IN_AN_HOUR, "daily limit reached");
        holds.hold("mirror", "PAUSED", IN_AN_HOUR, "daily limit reached");

        holds.release("hubspot", "UNAUTHORIZED");
        assertThat(holds.find("hubspot")).as("held for another reason").isPresent();

        holds.release("hubspot", "PAUSED");
        assertThat(holds.find("hubspot")).isEmpty();
        assertThat(holds.find("mirror")).as("per CRM").isPresent();

        holds.release("mirror", null);
        assertThat(holds.find("mirror")).as("whatever the reason").isEmpty();
    }
}
