package io.quarkiverse.etlify.runtime.hubspot;

import java.util.List;

/** What the build registers for the HubSpot adapter; the only public entry into this package. */
public final class HubSpotBeans {

    /** Bean classes. */
    public static final List<Class<?>> CLASSES = List.of(HubSpotAdapterFactory.class);

    /** The REST client interface, for the build to index (it lives in the runtime jar). */
    public static final String CLIENT_INTERFACE = HubSpotObjectsClient.class.getName();

    /** The JSON bodies, for the build to register for reflection. */
    public static final String[] JSON_TYPES = { HubSpotJson.CreateInput.class.getName(),
            HubSpotJson.UpdateInput.class.getName(), HubSpotJson.Batch.class.getName(),
            HubSpotJson.CreateItem.class.getName(), HubSpotJson.UpdateItem.class.getName(),
            HubSpotJson.UpsertItem.class.getName(), HubSpotJson.IdItem.class.getName(),
            HubSpotJson.ObjectAnswer.class.getName(), HubSpotJson.BatchAnswer.class.getName(),
            HubSpotJson.InputError.class.getName(), HubSpotJson.SearchRequest.class.getName(),
            HubSpotJson.FilterGroup.class.getName(), HubSpotJson.Filter.class.getName() };
    private HubSpotBeans() {
    }
}
