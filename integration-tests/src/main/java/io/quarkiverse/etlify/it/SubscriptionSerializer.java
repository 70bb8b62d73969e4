package io.quarkiverse.etlify.it;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.CrmSerializer;

@ApplicationScoped
public class SubscriptionSerializer implements CrmSerializer<Subscription> {

    @Override
    public Map<String, Object> toPayload(Subscription subscription) {
        return Map.of("subscription_id", subscription.id.toString(), "plan", subscription.plan);
    }
}
