package io.quarkiverse.etlify.runtime.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The operation tag of etlify.crm.requests names the kind of HubSpot request, never an id. */
class RequestOperationNamesTest {

    @Test
    void namesEachRequestHubSpotIsSentByItsKind() {
        assertThat(HubSpotRequests.operation("POST /crm/v3/objects/contacts")).isEqualTo("create");
        assertThat(HubSpotRequests.operation("PATCH /crm/v3/objects/contacts/123")).isEqualTo("update");
        assertThat(HubSpotRequests.operation("DELETE /crm/v3/objects/p123_subscription/9")).isEqualTo("delete");
        assertThat(HubSpotRequests.operation("POST /crm/v3/objects/contacts/search")).isEqualTo("search");
        assertThat(HubSpotRequests.operation("POST /crm/v3/objects/contacts/batch/upsert")).isEqualTo("batch-upsert");
        assertThat(HubSpotRequests.operation("POST /crm/v3/objects/contacts/batch/create")).isEqualTo("batch-create");
        assertThat(HubSpotRequests.operation("POST /crm/v3/objects/contacts/batch/update")).isEqualTo("batch-update");
        assertThat(HubSpotRequests.operation("POST /crm/v3/objects/contacts/batch/archive")).isEqualTo("batch-archive");
    }
}
