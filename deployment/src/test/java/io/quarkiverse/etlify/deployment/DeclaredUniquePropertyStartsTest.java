package io.quarkiverse.etlify.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.Etlified;
import io.quarkiverse.etlify.adapter.GuardedPerRequest;
import io.quarkiverse.etlify.deployment.model.Account;
import io.quarkiverse.etlify.deployment.model.Customer;
import io.quarkiverse.etlify.deployment.model.CustomerSerializer;
import io.quarkiverse.etlify.deployment.model.Order;
import io.quarkiverse.etlify.runtime.crm.CrmRegistry;
import io.quarkus.test.QuarkusUnitTest;

/** A custom unique-value property declared for its object type is accepted as id property. */
class DeclaredUniquePropertyStartsTest {

    @Entity
    @DiscriminatorValue("member")
    @Etlified(crm = "hubspot", objectType = "p42_member", idProperty = "member_code", serializer = CustomerSerializer.class)
    public static class Member extends Customer {
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.h2("declared-unique", Member.class, Customer.class, Account.class,
            Order.class, CustomerSerializer.class)
            .overrideConfigKey("quarkus.etlify.crm.hubspot.adapter", "hubspot")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.hubspot.access-token", "pat-na1-test")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.hubspot.unique-properties.p42_member", "member_code");

    @Inject
    CrmRegistry registry;

    @Test
    void startsWithTheHubSpotAdapterGuardingEachOfItsRequests() {
        assertThat(registry.find("hubspot").orElseThrow().adapter()).isInstanceOf(GuardedPerRequest.class)
                .hasToString("HubSpot adapter of CRM hubspot");
    }
}
