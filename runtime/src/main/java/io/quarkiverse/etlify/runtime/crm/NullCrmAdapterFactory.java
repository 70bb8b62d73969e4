package io.quarkiverse.etlify.runtime.crm;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmAdapterFactory;

/** The {@code null} adapter (the default): calls nothing and answers with made-up CRM ids. */
@ApplicationScoped
class NullCrmAdapterFactory implements CrmAdapterFactory {

    public static final String KIND = "null";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public CrmAdapter create(String crmName) {
        return new NullCrmAdapter();
    }

    static final class NullCrmAdapter implements CrmAdapter {

        @Override
        public String upsert(String objectType, Map<String, Object> payload, String idProperty, String crmId) {
            return crmId != null ? crmId : "null-" + UUID.randomUUID();
        }

        @Override
        public void delete(String objectType, String crmId) {
            // nothing to delete
        }
    }
}
