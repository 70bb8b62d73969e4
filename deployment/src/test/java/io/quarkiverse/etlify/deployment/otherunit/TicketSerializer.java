package io.quarkiverse.etlify.deployment.otherunit;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.CrmSerializer;

@ApplicationScoped
public class TicketSerializer implements CrmSerializer<Ticket> {

    @Override
    public Map<String, Object> toPayload(Ticket ticket) {
        return Map.of("subject", ticket.subject);
    }
}
