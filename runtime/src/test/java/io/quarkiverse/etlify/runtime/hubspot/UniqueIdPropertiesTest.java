package io.quarkiverse.etlify.runtime.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class UniqueIdPropertiesTest {

    private final UniqueIdProperties unique = new UniqueIdProperties(
            Map.of("p123_subscription", List.of(" subscription_id ", "legacy_id"), "0-2", List.of("company_code")));

    @Test
    void hsObjectIdAndContactEmailsAreBuiltIn() {
        assertThat(unique.isUnique("deals", "hs_object_id")).isTrue();
        assertThat(unique.isUnique("contacts", "email")).isTrue();
        assertThat(unique.isUnique("0-1", "email")).isTrue();
        assertThat(unique.isUnique("companies", "email")).isFalse();
    }

    @Test
    void declaredPropertiesAreUniqueForTheirTypeOnly() {
        assertThat(unique.isUnique("p123_subscription", "subscription_id")).isTrue();
        assertThat(unique.isUnique("P123_Subscription", "legacy_id")).isTrue();
        assertThat(unique.isUnique("companies", "company_code")).as("declared under its id 0-2").isTrue();
        assertThat(unique.isUnique("contacts", "subscription_id")).isFalse();
    }

    @Test
    void whatHubSpotDoesNotHoldUniqueIsNot() {
        assertThat(unique.isUnique("companies", "domain")).isFalse();
        assertThat(unique.isUnique("contacts", "id")).isFalse();
    }
}
