package io.quarkiverse.etlify.runtime.airtable;

import java.util.List;

/** What the build registers for the Airtable adapter; the only public entry into this package. */
public final class AirtableBeans {

    /** Bean classes. */
    public static final List<Class<?>> CLASSES = List.of(AirtableAdapterFactory.class, AirtableRequestLimit.class);

    /** The REST client interface, for the build to index (it lives in the runtime jar). */
    public static final String CLIENT_INTERFACE = AirtableRecordsClient.class.getName();

    /** The JSON bodies, for the build to register for reflection. */
    public static final String[] JSON_TYPES = { AirtableJson.UpdateManyRequest.class.getName(),
            AirtableJson.CreateRequest.class.getName(), AirtableJson.UpdateRequest.class.getName(),
            AirtableJson.PerformUpsert.class.getName(), AirtableJson.RecordInput.class.getName(),
            AirtableJson.RecordAnswer.class.getName(), AirtableJson.RecordsAnswer.class.getName(),
            AirtableJson.Deleted.class.getName(), AirtableJson.DeletedRecords.class.getName() };

    private AirtableBeans() {
    }
}
